// Takes consent banners and modal dialogs out of a page before Readability reads it. On a
// short blog post a cookie notice is one dense paragraph of prose, and Readability may score
// it above the post itself; a reader never takes one for the article.
import type { DomDocument, DomElement } from './dom.ts'
import { textOf } from './clean/text-stats.ts'

/** Names consent-management platforms and cookie banners give their containers. */
const CONSENT_NAME =
  /cookie|consent|gdpr|onetrust|didomi|usercentrics|cookiebot|borlabs|truste|iubenda|tarteaucitron|klaro|osano|sp_message|qc-cmp|\bcmp[-_]/i
/** What a consent box says, in the languages of the corpora. */
const CONSENT_TEXT =
  /cookie|consent|datenschutz|privacy|gdpr|dsgvo|einwillig|zustimm|rgpd|privacidad|prywatno|confidentialit|tietosuoja/i
const DIALOG = '[role="dialog"], [role="alertdialog"], [aria-modal="true"], dialog'
/** An overlay is small beside the page: never remove a block holding this share of its text. */
const MAX_SHARE = 0.4
/** A consent box is a few sentences and buttons, not an article. */
const MAX_CONSENT_CHARS = 3000

export function stripOverlays(doc: DomDocument): void {
  const body = doc.querySelector('body')
  if (!body) return
  const total = textOf(body).length
  const small = (el: DomElement, text: string) => text.length <= MAX_SHARE * total
  for (const el of Array.from(doc.querySelectorAll(DIALOG))) {
    if (el.parentNode && small(el, textOf(el))) el.remove()
  }
  for (const el of Array.from(body.querySelectorAll('[id], [class]'))) {
    if (!el.parentNode || el.localName === 'body') continue
    const name = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`
    if (!CONSENT_NAME.test(name)) continue
    const text = textOf(el)
    if (text.length > MAX_CONSENT_CHARS || !small(el, text)) continue
    // A recipe's "cookie-dough" section names cookies but does not talk about consent.
    if (text !== '' && !CONSENT_TEXT.test(text)) continue
    el.remove()
  }
}
