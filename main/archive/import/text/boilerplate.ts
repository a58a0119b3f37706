// Recognises the site furniture that trails a copied article: source labels, view counters,
// comment policies, share prompts, copyright lines; and trims it from the end of the body.

// Anything longer is prose, whatever words it contains.
const MAX_BOILERPLATE_LENGTH = 300
const MAX_PROMPT_LENGTH = 150

// "Source:", "Sources: AP", "Kaynak:", "Quelle: dpa": a label alone or with a short value that
// is a name or a few words ("dpa"), so "Source: the ministry expects talks …" is left alone.
// The value is checked apart because the label's case-insensitive flag would let \p{Lu} match
// any letter.
const SOURCE_LABEL =
  /^(?:sources?|kaynak(?:lar)?|quellen?|fuentes?|fontes?|fonti|bron(?:nen)?|źródło|источник)\s*:\s*/iu
const SOURCE_VALUE = /^(?:[\p{Lu}\p{N}©@(].{0,59}|\S+(?: \S+){0,2})?$/u

const READ_COUNTERS = [
  // "This news has been read 140 times in total"
  /^(?:this|the)\s+(?:news|article|story|post|page|item|content)\b.{0,40}\b(?:read|viewed|seen|visited)\b.{0,30}\d/iu,
  // "1,234 views", "Views: 1,234"
  /^[\d.,\s]+(?:views?|reads?|hits|okunma|görüntülenme|aufrufe|vues|lectures|visitas|lecturas|visualizações)\.?$/iu,
  /^(?:views?|reads?|hits|okunma(?:\s+sayısı)?|görüntülenme|aufrufe|vues|visitas|lecturas)\s*:?\s*[\d.,\s]+$/iu,
  // "Bu haber 140 kez okundu", "1.234-mal gelesen", "lu 140 fois", "leído 140 veces"
  /\d[\d.,]*\s*(?:kez|defa)\s+(?:okundu|okunmuştur|görüntülendi|görüntülenmiştir)/iu,
  /\d[\d.,]*[\s-]*mal\s+(?:gelesen|aufgerufen|angesehen)/iu,
  /(?<!\p{L})(?:lu|vu|consulté)e?s?\s+\d[\d.,]*\s+fois/iu,
  /(?:leído|leída|visto|vista|lido|lida)\s+\d[\d.,]*\s+(?:veces|vezes)/iu,
]

// A comment policy names comments (as a noun, not "declined to comment") and says how they
// are moderated, approved or published. Words like "policy" alone are not enough: news is full
// of "comments on the policy".
const COMMENT_POLICY =
  /(?<!\p{L})comment(?:s|ing)?\s+(?:policy|section|guidelines|rules)(?!\p{L})/iu
const COMMENT_WORD =
  /(?<!\p{L})(?:comments|commenting|commenters?|yorum\p{L}*|kommentar\p{L}*|commentaires?|comentarios?|comentários?|commenti)(?!\p{L})/iu
const MODERATION_WORD =
  /modera|approv|onay|freigeschaltet|freigegeben|moderiert|geprüft|modér|validé|approuv|aprobad|aprovad|revisad|community guidelines|house rules|terms of use|reserve the right|(?:will|won't|may|can(?:not|'t)?|must)(?: not| never)? be published|(?:are|is) (?:not |never |only )?published|after review|before publication|yayınlanma|yayımlanma|nicht veröffentlicht|ne seront pas publiés|no serán publicados|não serão publicados|(?:are|is|have been) (?:now )?(?:closed|disabled)|kapatılmıştır|deaktiviert/iu

// Reported speech is article text even when it talks about comments or readers.
const REPORTED_SPEECH = /(?<!\p{L})(?:said|says|told|according to)(?!\p{L})/iu

const PROMPT =
  /^(?:share\s+(?:this|on|via|the)\b|share$|follow\s+(?:us|@)|subscribe\b|sign\s+up\b|click\s+here\b|tap\s+here\b|related(?:\s+(?:articles?|stories|news|content|coverage|topics))?\s*:|read\s+(?:more|also)\b|see\s+also\s*:|more\s+on\s+this\s+story|advertisement$|advertising$|sponsored(?:\s+content)?$|tags?\s*:|paylaş|bizi\s+takip\s+edin|abone\s+ol|ilgili\s+haberler|reklam$|anzeige$|werbung$|teilen\b|folgen\s+sie\s+uns|mehr\s+zum\s+thema|publicité$|partager\b|suivez[- ]nous|lire\s+aussi|publicidad$|compartir\b|síguenos|lee\s+también|partilhar\b|siga-nos|leia\s+também)/iu
// A row of share buttons copied as text: "Facebook Twitter WhatsApp Email".
const SHARE_BUTTONS =
  /^(?:(?:facebook|twitter|x|whatsapp|linkedin|telegram|e-?mail|reddit|pinterest|print|copy link)[\s|,·•/]*){2,}$/iu

const COPYRIGHT = [
  /^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}))/iu,
  /^copyright\b[^.!?]{0,80}$/iu,
  /all rights reserved|tüm hakları saklıdır|her hakkı saklıdır|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati/iu,
]

/** True when a paragraph is site furniture rather than article text. */
export function isBoilerplate(paragraph: string): boolean {
  const text = paragraph.trim()
  if (text.length >= MAX_BOILERPLATE_LENGTH) return false
  const label = SOURCE_LABEL.exec(text)
  if (label && SOURCE_VALUE.test(text.slice(label[0].length))) return true
  if (COPYRIGHT.some((pattern) => pattern.test(text))) return true
  if (text.length < MAX_PROMPT_LENGTH && (PROMPT.test(text) || SHARE_BUTTONS.test(text))) {
    return true
  }
  if (REPORTED_SPEECH.test(text)) return false
  if (READ_COUNTERS.some((pattern) => pattern.test(text))) return true
  return COMMENT_POLICY.test(text) || (COMMENT_WORD.test(text) && MODERATION_WORD.test(text))
}

/**
 * Drops boilerplate paragraphs from the end of the body, walking back while they match. The
 * first paragraph always stays: furniture trails an article, it is never all of it.
 */
export function trimTrailingBoilerplate(paragraphs: readonly string[]): string[] {
  let end = paragraphs.length
  while (end > 1 && isBoilerplate(paragraphs[end - 1] ?? '')) end--
  return paragraphs.slice(0, end)
}
