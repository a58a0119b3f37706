// The words of page furniture, in the languages of the corpora (en, de, fr, es, pt, it, pl,
// nl): labels that stand alone on a line ("Advertisement", "Mehr zum Thema"), lead-ins that
// introduce a link to another story ("Lea también: …"), photo credits, gallery counters and
// copyright lines. Each is matched against a whole line, never against a word in prose.

/** A line as compared with the lists: lower-cased, bullets, arrows and end punctuation gone. */
export function labelKey(line: string): string {
  return line
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^[\s\-–—•·|>»›→▶►*#]+/u, '')
    .replace(/[\s.:;,!?…|>»›→▶►*\-–—()[\]]+$/u, '')
    .trim()
}

const list = (...groups: string[]) =>
  groups.flatMap((g) =>
    g
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean),
  )

/** Lines that are only a label: an advertising mark, a share or print button, a section name. */
const LABELS = new Set(
  list(
    // advertising
    'ad|ads|advertisement|advertising|sponsored|sponsored content|paid content|promoted',
    'anzeige|werbung|publicité|pub|publicidad|anuncio|publicidade|pubblicità|reklama',
    'advertentie|реклама|广告',
    // share, print, follow
    'share|share this|share this article|share this story|share this post|share this page',
    'share on facebook|share on twitter|tweet|pin it|email|e-mail|print|print this page',
    'teilen|artikel teilen|diesen artikel teilen|beitrag teilen|jetzt teilen|seite teilen',
    'drucken|artikel drucken|partager|partager cet article|imprimer|compartir',
    'compartir en facebook|compartir en twitter|imprimir|condividi|stampa|udostępnij',
    'drukuj|compartilhe|compartilhar|delen|follow us|folgen sie uns|suivez-nous|síguenos',
    'seguici|obserwuj nas|siga-nos|möchten sie den artikel teilen|diesen beitrag teilen',
    'artikel gefallen? vergiss nicht zu teilen|war der artikel nützlich|was this article helpful',
    'hier können sie den artikel bewerten|rate this article|artikel bewerten',
    // other stories
    'related|related articles|related stories|related posts|related content|related news',
    'related links|related topics|read more|read also|also read|read next|more on this',
    'more on this story|more stories|more news|you may also like|you might also like',
    'recommended|recommended for you|recommended stories|recommended articles|don’t miss',
    "don't miss|most popular|most read|trending|trending now|top stories|latest news",
    'more from our network|from around the web|editor’s picks|editors’ picks|up next',
    'mehr zum thema|mehr zu diesem thema|lesen sie auch|lesen sie mehr|auch lesen',
    'auch interessant|das könnte sie auch interessieren|das könnte dich auch interessieren',
    'das könnte sie interessieren|das könnte dich interessieren|weitere artikel',
    'weitere beiträge|weitere themen|weitere news|weitere nachrichten|zum weiterlesen',
    'empfohlene beiträge|empfohlene artikel|ähnliche beiträge|ähnliche artikel',
    'verwandte artikel|verwandte themen|passend dazu|passend zum thema|meistgelesen',
    'meistgelesene artikel|meistdiskutiert|meist-diskutiert|meistdiskutierte artikel',
    'meistgelesene|mehr themen|weiterführende links|aktuelle artikel|neueste artikel',
    'beliebte artikel|beliebte beiträge|top-artikel|top artikel|unsere empfehlungen',
    'vorschau auf den nächsten artikel|nächster artikel|vorheriger artikel|heute empfehlen wir',
    'lire aussi|à lire aussi|a lire aussi|voir aussi|à voir aussi|sur le même sujet',
    'les plus lus|articles similaires|articles liés|dans la même rubrique|nos derniers articles',
    'lea también|lee también|lea más|lee más|te puede interesar|le puede interesar',
    'también te puede interesar|noticias relacionadas|artículos relacionados|más noticias',
    'vea también|ver también|mira también|lo más leído|más leídas|lo más visto|te recomendamos',
    'recomendados|leia também|leia mais|veja também|veja mais|mais lidas|notícias relacionadas',
    'você pode gostar|leggi anche|potrebbe interessarti|ti potrebbe interessare',
    'articoli correlati|i più letti|più letti|czytaj też|czytaj także|czytaj więcej|zobacz też',
    'zobacz także|polecamy|najczęściej czytane|najpopularniejsze|powiązane artykuły',
    'przeczytaj też|przeczytaj także|dowiedz się więcej|lees ook|gerelateerde artikelen',
    'meest gelezen',
    // contact and author boxes, further-information boxes
    'kontakt|contact|contacto|contatto|ansprechpartner|ansprechpartnerin|zur person',
    'über den autor|über die autorin|about the author|à propos de l’auteur|sobre el autor',
    'weitere informationen|mehr informationen|zusatzinformationen|more information',
    'further information|informations complémentaires|más información|więcej informacji',
    'themen im artikel|themen in diesem artikel|topics in this article',
    // comments
    'comments|comment|leave a comment|leave a reply|no comments|show comments|view comments',
    'add a comment|post a comment|join the conversation|kommentare|kommentar|keine kommentare',
    'kommentar schreiben|kommentieren|kommentar verfassen|commentaires|laisser un commentaire',
    'réagir|comentarios|deja un comentario|comentários|commenti|lascia un commento',
    'komentarze|skomentuj|reacties|sie sind aktuell nicht eingeloggt',
    // subscription
    'newsletter|subscribe|subscribe now|sign up|sign in|log in|login|register|join our newsletter',
    'newsletter abonnieren|jetzt abonnieren|zum newsletter anmelden|abonniere unseren newsletter',
    'abonnez-vous|inscrivez-vous|suscríbete|suscribirse|iscriviti|zapisz się|subskrybuj|assine',
    // navigation
    'back to top|top|skip to content|skip to main content|home|startseite|menu|menü|search',
    'suche|zurück|nach oben|zurück zur übersicht|zurück zur listenansicht|retour|volver',
    'previous|next|prev|next article|previous article|next post|previous post|older posts',
    'newer posts|weiter|vorherige|nächste|précédent|suivant|anterior|siguiente',
    'inhaltsverzeichnis|table of contents|contents|sommaire|índice|spis treści|inhalt',
    // section labels
    'tags|tagged|schlagwörter|schlagworte|stichwörter|themen|topics|etiquetas|temas|tagi',
    'kategorie|kategorien|category|categories|catégories|categorías|ressort',
    'loading|wird geladen|chargement|cargando|ładowanie',
    'image|photo|video|bild|foto|galerie|gallery|bildergalerie|fotogalerie|fotostrecke',
    'bild anzeigen|bild vergrößern|zoom|vergrößern|enlarge|click to enlarge|vollbild',
    'quelle|quellen|quellenangaben|source|sources|fuente|fuentes|źródło|fonte|bildquelle',
    'audio|listen|anhören|artikel anhören|listen to this article|play|watch|video ansehen',
    'mehr|more|more…|continue reading|read full story|read the full story|weiterlesen',
    'mehr erfahren|learn more|en savoir plus|leer más|saiba mais|scopri di più',
    'pdf|download|herunterladen|teaser|anzeigen|ausblenden|quellen ausblenden',
    'publikacja|opublikowano|aktualizacja|published|updated|veröffentlicht|aktualisiert',
    'publié le|publicado|pubblicato|autor|author|autoren|autorin|von|by|foto',
  ),
)

/** Whole lines that only count comments ("12 Comments", "Kommentare (3)"). */
const COUNTS =
  /^(?:\d+\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|comentários?|commenti|komentarz[ey]?|reacties|reactions?|shares?|likes?)(?:\s*\(?\d+\)?)?$/u

export function isLabelLine(line: string): boolean {
  const key = labelKey(line)
  return LABELS.has(key) || COUNTS.test(key)
}

/** Lead-ins that introduce another story's headline: "Lea también: …", "READ MORE: …". */
const LEAD_INS = list(
  'lea también|lee también|lea más|lee más|lea|vea también|ver también|mira también|mira|mire',
  'puedes ver|te puede interesar|le puede interesar|también te puede interesar|te recomendamos',
  'no te pierdas|entérate|también puedes leer|relacionado|relacionada|recomendado',
  'lesen sie auch|lesen sie mehr|auch lesen|mehr zum thema|mehr dazu|siehe auch|passend dazu',
  'read more|read also|also read|read|see also|related|more|watch|listen|recommended',
  'czytaj też|czytaj także|czytaj więcej|czytaj|zobacz też|zobacz także|zobacz|przeczytaj też',
  'przeczytaj także|przeczytaj|polecamy|leia também|leia mais|veja também|veja|saiba mais',
  'lire aussi|à lire aussi|a lire aussi|voir aussi|à voir aussi|leggi anche|leggi|lees ook',
)
const LEAD_IN = new RegExp(
  `^\\s*[\\[(»›>▶►•*]?\\s*(?:${LEAD_INS.map(escapeRe).join('|')})\\s*[:|»›>▶►–—-]\\s*(\\S.*)$`,
  'iu',
)

/** The headline after a lead-in ("Lea también: X" -> "X"), or undefined when there is none. */
export function leadInRest(line: string): string | undefined {
  return LEAD_IN.exec(line.normalize('NFKC'))?.[1]
}

/** Photo credit words, as a caption's or a line's lead ("Foto: …", "Crédits photos : …"). */
const CREDIT_WORDS =
  'fotos?|photos?|photographs?|bild(?:er)?|bildquelle|images?|imagen(?:es)?|imágenes|pictures?|pics?|crédits?(?: photos?)?|credits?|crédito|créditos|copyright|quelle|fuente|fonte|źródło|fot\\.?|zdjęci[ea]|grafik|illustration|ilustración|abbildung|video|vídeo|foto(?:grafia|grafía)?'
const CREDIT_LEAD = new RegExp(
  `^(?:(?:${CREDIT_WORDS})\\s*(?:[:©|]|\\s\\/)|(?:photo(?:graph)?s?|fotos?|images?|pictures?|illustration|video)\\s+(?:by|von|de|par|di|courtesy(?: of)?)\\s)\\s*\\S`,
  'iu',
)

/** Agencies and picture libraries whose name alone on a line is a credit. */
const AGENCIES =
  'getty images?|gettyimages|shutterstock|istock(?:photo)?(?:\\.com)?|thinkstock|imago(?: images)?|picture[- ]alliance|dpa|afp|reuters|ap|ap photo|epa|efe|bestimage|wenn(?:\\.com)?|télam|abr|pap|reporters|east news|forum|fotolia|adobe ?stock|unsplash|pixabay|pexels|keystone|ansa'
const AGENCY_LINE = new RegExp(`^(?:${AGENCIES})(?:\\s*[/|,;].{0,60})?$`, 'iu')

/** A line that is only a photo credit ("Foto: GdP/Hagen Immel", "iStock.com", "© dpa"). */
export function isCreditLine(line: string): boolean {
  const t = line.trim()
  if (t.length > 120) return false
  return CREDIT_LEAD.test(t) || /^(?:©|\(c\)\s)/iu.test(t) || AGENCY_LINE.test(t)
}

/**
 * A caption's trailing credit: "(Foto: Privat)", "(REUTERS/Denis Balibouse)", "Foto: X",
 * "| Getty Images", "© dpa". Returns the caption without it.
 */
export function stripTrailingCredit(text: string): string {
  return text
    .replace(
      new RegExp(`\\s*[(\\[](?:(?:${CREDIT_WORDS})\\s*[:©]|©)[^()\\[\\]]*[)\\]]\\s*$`, 'iu'),
      '',
    )
    .replace(/\s*\((?:[\p{Lu}][\p{L}.]*(?: [\p{Lu}][\p{L}.]*)?\/)+[^()]*\)\s*$/u, '')
    .replace(
      new RegExp(`\\s*(?:[|/–—-]\\s*)?(?:${CREDIT_WORDS})\\s*[:©]\\s*[^.!?]{1,80}$`, 'iu'),
      '',
    )
    .replace(/\s*(?:[|/–—-]\s*)?©\s*[^.!?]{1,80}$/u, '')
    .replace(new RegExp(`\\s*[|/–—]\\s*(?:${AGENCIES})\\s*$`, 'iu'), '')
    .trim()
}

/** "Image 1 of 5", "3 / 12", "Bild 2 von 7": a gallery's counter, not a caption. */
const GALLERY =
  /^(?:(?:image|photo|picture|slide|foto|bild|imagen|immagine|zdjęcie|photo n°)\s*)?\d+\s*(?:of|von|aus|de|sur|di|z|\/)\s*\d+$/iu

export function isGalleryCounter(line: string): boolean {
  return GALLERY.test(line.trim())
}

/** © before a year or a name ("© 2020 CBS", "©Bill Smith"), not a ™© joke in prose. */
const COPYRIGHT_MARK = /©\s*(?:\d{4}|\p{Lu})|^\s*©/u
const COPYRIGHT =
  /\bcopyright\b|\(c\)\s*(?:19|20)\d\d|\ball rights reserved\b|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|wszelkie prawa zastrzeżone|todos os direitos reservados|materiał chroniony prawem autorskim|is the copyrighted property of/iu

/** A short line carrying a copyright mark: site furniture, never the article. */
export function isCopyrightLine(line: string): boolean {
  return line.length <= 300 && (COPYRIGHT_MARK.test(line) || COPYRIGHT.test(line))
}

const NEWSLETTER =
  /newsletter|subscribe|subscription|sign(?:ing)? up|abonnier|abonnement|abonnez|suscr[ií]b|iscriviti|subskryb|subskrypcj|assine|assinatura|inscrivez|anmelden|melden sie sich/iu

/** A short call to subscribe ("Never miss the latest news by signing up to our newsletter"). */
export function isSubscribePitch(line: string): boolean {
  return line.length <= 160 && NEWSLETTER.test(line)
}

const SOCIAL =
  /\b(?:facebook|twitter|instagram|linkedin|youtube|telegram|whatsapp|tiktok|pinterest|xing|google news|flipboard|mastodon)\b/iu
const FOLLOW =
  /^(?:follow|folgen sie|folge|suivez|síguenos|siguenos|seguici|obserwuj|siga|volg|join us|únete|besuchen sie uns)\b/iu

/** "Follow us on Twitter and Facebook…": a call to follow the site elsewhere. */
export function isFollowPitch(line: string): boolean {
  return line.length <= 250 && FOLLOW.test(line.trim()) && SOCIAL.test(line)
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
