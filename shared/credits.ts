// Credits as pages, feeds and exports write them, to people and organisations: "By Ann Lee
// and Rui Costa, Staff Writers" -> people ["Ann Lee", "Rui Costa"]; "Lee, Ann" -> "Ann Lee";
// "Reuters", "BBC News", the site's own name -> organisations. Addresses, e-mails, dates,
// roles, share-button text ("Link Copied") and the labels beside a byline ("Datum", "Stand",
// "Autor") never become a name. "Redaktion" alone is the newsroom credited as an organisation.

export interface Credits {
  people: string[]
  organizations: string[]
}

const PREFIX =
  /^(?:(?:written|posted|published|reported|compiled|edited|photos?|text|story|words|interview|eine? (?:beitrag|artikel|gastbeitrag|kolumne|kommentar|rezension|reportage|analyse) von|pressemitteilung von|geschrieben|verfasst|veröffentlicht|bericht|texte?|fotos?|autor(?:in|en)?|author(?:s|ed)?|reporter(?:in)?|redakteur(?:in)?|an article|by|von|vom|par|por|di|da|door|av|przez|af|napisał(?:a)?|escrito|publicado|publié|rechtsanw[aä]lt(?:in)?)\b[\s:.|&-]*|&\s*)+/iu
const BY_WORD = /^(?:by|von|par|por|di|door|av|af|przez)\s+/iu
const BY_ANYWHERE =
  /(?:^|[\s\p{Ll}])(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor|[Pp]rzez)\s+(?=\p{Lu}|\p{Ll}+\d|[\p{Ll}\d]+$)/u
/** Job titles and labels that follow a name ("Ann Lee, Staff Writer", "Ann Lee | Reporter"). */
const ROLE =
  /\b(?:staff|senior|chief|contributing|deputy|executive|managing|political|foreign|guest|freelance)?\s*(?:writer|reporter|editor|correspondent|columnist|contributor|journalist|producer|photographer|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|redaktion|journaliste|rédact(?:eur|rice)|periodista|redattore|fotograf(?:in)?)s?\b.*$/iu
const JUNK =
  /link copied|copy link|share|teilen|follow|folgen|twitter|facebook|instagram|linkedin|e-?mail|newsletter|comments?|kommentare?|read more|weiterlesen|mehr (?:von|zum)|updated|aktualisiert|published|veröffentlicht|\bmin(?:ute)?s?\b read|\d\s*(?:min|minuten|minutes|std)\b|lesezeit|no author|^anonymous$|^admin(?:istrator)?$|^unknown$|^staff$|^guest$|^editor$|^(?:stand|datum|date|name|auteur|autor(?:in)?|author|über|about|quelle|source|rechtsanwalt(?:in)?)$/iu
/** Words glued after a name: weekdays, "im Gespräch", founder and editor titles. */
const TRAILER =
  /\s+(?:(?:am|on|le|el)\s+)?(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?$|\s+im gespräch$|\s+(?:chefredakteur(?:in)?|chefredaktor(?:in)?|herausgeber(?:in)?|gründer(?:in)?|founder|co-founder|ceo|inhaber(?:in)?|geschäftsführer(?:in)?|über|about)$/iu
/** Words that mark a credit as an organisation, in the corpora's languages. */
const ORG_WORD =
  /\b(?:news|nachrichten|media|medien|press|presse|agency|agentur|agence|agencia|redaktion|rédaction|redacción|redazione|editorial|desk|team|staff|board|verlag|gmbh|ag|e\.\s?v\.|inc|ltd|llc|corp|co\.|company|group|gruppe|online|magazin|magazine|zeitung|zeitschrift|times|post|journal|daily|tribune|herald|gazette|radio|tv|television|fernsehen|rundfunk|network|stiftung|foundation|institut|institute|university|universität|université|universidad|ministerium|ministry|department|association|verband|verein|society|partei|party|council|office|amt|bureau|blog|anstalt|landesanstalt|bund|union|se|review|wire|service|news agency|editors|contributors|illustrierte)\b|\p{L}(?:blatt|zeitung|rundschau|anzeiger|kurier|bund|verband|verein|schule|magazin|gesellschaft|stiftung|institut|akademie|zentrum|kammer|ministerium|agentur)\b/iu
/** News agencies and broadcasters credited by their short names. */
const AGENCY =
  /^(?:ap|afp|dpa|apa|sda|kna|epd|reuters|ansa|efe|aa|ddp|dts|kyodo|jiji|xinhua|tass|upi|pa|ats|ap\/dpa|bbc(?: news)?|cnn|npr|abc(?: news)?|cbs(?: news)?|nbc(?: news)?|ard|zdf|orf|srf|mdr|wdr|ndr|swr|br|hr|rbb|sid|kna|idea|cna|ani|pti|ians)$/iu

/** Lower-case words that belong to names: "von", "van der", "de la", "bin", "al". */
const PARTICLE =
  /^(?:von|vom|zu|zum|zur|van|der|den|de|del|della|di|da|das|dos|du|la|le|les|y|e|bin|ibn|al|el|ben|ter|te|op|af|av)$/u

export interface CleanOptions {
  /** The site's or publisher's names: a credit equal to one is an organisation. */
  siteNames?: (string | undefined)[]
}

/** People and organisations named by one or more credit strings, in order, each once. */
export function cleanCredits(raw: (string | null | undefined)[], opts: CleanOptions = {}): Credits {
  const sites = (opts.siteNames ?? []).filter((s): s is string => !!s).map(nameKey)
  const out: Credits = { people: [], organizations: [] }
  const seen = new Set<string>()
  for (const value of raw) {
    if (!value) continue
    for (const part of splitCredits(withoutSite(value, sites))) {
      const name = tidyName(part)
      if (!name) continue
      const key = nameKey(name)
      if (seen.has(key)) continue
      seen.add(key)
      if (isOrganization(name, sites) || partOfSiteName(name, opts.siteNames))
        out.organizations.push(name)
      else out.people.push(name)
    }
  }
  return out
}

/**
 * "unocero - Alberto Ávila", "Ann Lee | Example News": the site's own name beside the
 * writer's, as some sites brand their bylines, is dropped so the writer stands alone.
 */
function withoutSite(value: string, siteKeys: string[]): string {
  const parts = value.split(/\s+[-–—|]\s+/)
  if (parts.length !== 2 || siteKeys.length === 0) return value
  const rest = parts.filter((p) => !siteKeys.includes(nameKey(p)))
  return rest.length === 1 ? rest[0]! : value
}

/**
 * "Google" on "Google Online Security Blog", "ElPais" for "Diario El Pais": a one-word credit
 * that is one or two words of a site name of several words is the site, not a person. (A
 * blogger's login that is the whole site's name, "mywakenews" on mywakenews.wordpress.com,
 * stays a person.)
 */
function partOfSiteName(name: string, siteNames: (string | undefined)[] = []): boolean {
  if (/\s/.test(name.trim())) return false
  const key = nameKey(name)
  if (key.length < 4) return false
  return siteNames.some((site) => {
    const words = (site ?? '').split(/\s+/).filter(Boolean)
    if (words.length < 2) return false
    return words.some((w, i) => nameKey(w) === key || nameKey(w + (words[i + 1] ?? '')) === key)
  })
}

/** True when a credit names an organisation rather than a person. */
export function isOrganization(name: string, siteKeys: string[] = []): boolean {
  const key = nameKey(name)
  if (siteKeys.some((s) => s === key || (s.length >= 4 && key.includes(s)))) return true
  if (AGENCY.test(name.trim()) || ORG_WORD.test(name)) return true
  if (/\.[a-z]{2,}$/i.test(name) || /[/]/.test(name)) return true
  // Acronyms ("BBAW", "FR") are organisations; people are not written in one capital word.
  return /^[\p{Lu}\d&.-]{2,6}$/u.test(name) && !/^\p{Lu}\.$/u.test(name)
}

/** Splits "Ann Lee, Rui Costa and Jo Park" and "Lee, Ann"; keeps "Ann Lee, PhD" one name. */
export function splitCredits(value: string): string[] {
  let s = value.replace(/\s+/g, ' ').replace(/[©→»]/g, ' ').trim()
  // An address or e-mail is never a credit, and splitting it at "/" would make names of it.
  if (/^(?:https?:)?\/\/|^www\.|^\S+@\S+\.\S+$/i.test(s)) return []
  // "Post author By Ann Lee", "Zeige alle Beiträge von Ann Lee": the name follows the by-word.
  const by = BY_ANYWHERE.exec(s.slice(0, 60))
  if (by && !isParticle(s, by)) s = s.slice(by.index + by[0].length)
  s = s.replace(PREFIX, '').trim()
  // "Ann Lee for The Mail on Sunday": the outlet after "for" is not a co-author.
  s = s.replace(/\s+(?:for|für|pour|para|per|voor)\s+(?:the\s+)?\p{Lu}.*$/u, '')
  // A list of categories or tags, not a byline.
  if ((s.match(/\s\/\s/g) ?? []).length >= 4) return []
  const parts = s
    .split(
      /\s*(?:;|\||\/|•|·|\s&\s|,?\s+(?:and|und|et|y|e|i|og|och|en|oraz)\s+|\s+(?:mit|with|avec|con|mét)\s+)\s*/iu,
    )
    .flatMap((p) => splitCommas(p))
  return parts.map((p) => p.trim()).filter(Boolean)
}

/**
 * "Walter von Aachen", "Ana de Souza": a lower-case "von" or "de" after a given name is part
 * of the name, not the "by" of a byline ("Alle Beiträge von Ann Lee").
 */
function isParticle(s: string, by: RegExpExecArray): boolean {
  const word = by[0].trim()
  if (!/^(?:von|par|por|door)$/.test(word)) return false
  const before = s.slice(0, by.index + by[0].indexOf(word)).trim()
  if (
    /^(?:erstellt|geschrieben|verfasst|veröffentlicht|publiziert|eingestellt|gepostet|beitrag|artikel|text|fotos?|bilder?|kolumne|kommentar|pressemitteilung|publié|écrit|publicado|escrito)$/iu.test(
      before,
    )
  )
    return false
  return /^\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)?$/u.test(before)
}

/** "Lee, Ann" is one person (reordered later); "Ann Lee, Rui Costa" are two. */
function splitCommas(part: string): string[] {
  const pieces = part.split(/\s*,\s*/).filter(Boolean)
  if (pieces.length === 1) return pieces
  const isWord = (p: string) => /^[\p{L}'’.-]+$/u.test(p)
  if (
    pieces.length === 2 &&
    isWord(pieces[0]!) &&
    /^[\p{L}'’. -]+$/u.test(pieces[1]!) &&
    pieces[1]!.split(' ').length <= 2 &&
    !looksLikeRole(pieces[1]!)
  )
    return [`${pieces[1]} ${pieces[0]}`]
  return pieces.filter(
    (p) => !looksLikeRole(p) && !/^(?:ph\.?d|m\.?d|jr|sr|ii|iii|dr)\.?$/i.test(p),
  )
}

function looksLikeRole(s: string): boolean {
  return ROLE.test(s) && s.split(/\s+/).length <= 4 && ROLE.exec(s)!.index === 0
}

/** One name without prefixes, roles, dates, handles and decoration; undefined when none. */
export function tidyName(value: string): string | undefined {
  let s = value.replace(/\s+/g, ' ').trim()
  if (/^(?:https?:)?\/\/|^www\.|@\S+\.\S+/i.test(s)) return undefined
  s = s.replace(PREFIX, '').replace(BY_WORD, '')
  // "SHOW ALL ARTICLES OFHeiko Sauer": a capitalised label glued to the name is not part of it.
  s = s.replace(/^(?:\p{Lu}+\s+)*\p{Lu}{2,}(?=\p{Lu}\p{Ll})/u, '')
  // "Williams Perdomo @wperdomod": the social handle after the name is not part of it.
  s = s.replace(/(?<=\p{L})\s+@[\w.]+$/u, '')
  // Dates, times and everything after them ("Ann Lee 12. März 2024", "Ann Lee - 10:30").
  s = s.replace(
    /\s*[-–—,|]?\s*(?:\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4})?|\d{1,2}:\d{2}|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4}).*$/u,
    '',
  )
  // The newsroom first ("Redaktion", "Redaktion Polizeiticker Schweiz", "Staff") names an
  // organisation, credited as such; after a name ("Ann Lee, Redaktion") it is a role.
  const newsroom =
    /^(?:die\s+)?(?:redaktion|rédaction|redacción|redazione|redactie|staff|newsroom)\b/iu
  if (!newsroom.test(s)) s = s.replace(ROLE, '')
  s = s.replace(/\s*\([^)]*\)\s*/g, ' ')
  s = s.replace(TRAILER, '')
  s = s.replace(/^[\s"'“”„«»:,.|–—-]+|[\s"'“”„«»:,|–—-]+$/g, '').trim()
  if (!s || s.length > 60 || JUNK.test(s)) return undefined
  if (/\d{3,}/.test(s) || /[<>{}=@#]/.test(s)) return undefined
  const words = s.split(' ')
  if (words.length > 6) return undefined
  // A name has letters ("1" is a post count), and in a name of several words every word is
  // capitalised but the particles ("deinen Hochzeitsbloggern" is a phrase, not a person).
  if ((s.match(/\p{L}/gu) ?? []).length < 2) return undefined
  if (words.length > 1 && words.some((w) => /^\p{Ll}{2,}$/u.test(w) && !PARTICLE.test(w)))
    return undefined
  return s
}

/** A comparison key for names: case and accents folded, punctuation dropped. */
export function nameKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}
