// Class and id names that mark page furniture inside an article: share and follow rows,
// related-story boxes, newsletter sign-ups, breadcrumbs, comment threads, ratings, tag
// lists, author boxes, tables of contents, text meant only for screen readers. Readability
// leaves many of them in when they sit inside the article's container.
import type { DomElement } from '../dom.ts'

/** Names that mark furniture wherever they occur in a class or id ("jp-relatedposts"). */
const ANYWHERE = [
  'share',
  'sharing',
  'social',
  'related',
  'newsletter',
  'subscribe',
  'subscription',
  'breadcrumb',
  'bread-crumb',
  'outbrain',
  'taboola',
  'plista',
  'ligatus',
  'comment',
  'kommentar',
  'disqus',
  'rating',
  'tagcloud',
  'tag-cloud',
  'tag-list',
  'taglist',
  'post-tags',
  'article-tags',
  'entry-tags',
  'tags-links',
  'author-bio',
  'author-box',
  'authorbox',
  'about-author',
  'author-info',
  'author-description',
  'author-card',
  'advert',
  'sponsor',
  'cookie',
  'consent',
  'gdpr',
  'popup',
  'ez-toc',
  'table-of-contents',
  'post-nav',
  'post-navigation',
  'nav-links',
  'prev-next',
  'next-post',
  'previous-post',
  'more-articles',
  'more-stories',
  'recommend',
  'trending',
  'most-popular',
  'mostpopular',
  'most-read',
  'mostread',
  'meistgelesen',
  'screen-reader',
  'sr-only',
  'visually-hidden',
  'visuallyhidden',
  'element-invisible',
  'entry-meta',
  'post-meta',
  'postmeta',
  'article-meta',
  'entry-utility',
  'entry-footer',
  'post-footer',
  'article-footer',
  'sidebar',
  'signup',
  'sign-up',
  'print-only',
  'follow',
  'donat',
  'banner',
  'disclaimer',
  'footer',
  'author',
  'timestamp',
  'paywall',
  'viral',
  'syndication',
]

/** Names that mark furniture only as a whole word of a class or id ("ad", not "header"). */
const WHOLE_WORD = ['ad', 'ads', 'tags', 'pagination', 'pager', 'promo', 'cta']
/** Names that hide an element only when they are a whole class ("hidden", not "hidden-xs"). */
const WHOLE_CLASS = ['hidden', 'hide', 'invisible', 'd-none']

const ANYWHERE_RE = new RegExp(ANYWHERE.map((w) => w.replace(/-/g, '[-_]?')).join('|'))
const WHOLE_WORD_RE = new RegExp(`(?:^|[\\s_-])(?:${WHOLE_WORD.join('|')})(?:$|[\\s_-])`)
const WHOLE_CLASS_RE = new RegExp(`(?:^|\\s)(?:${WHOLE_CLASS.join('|')})(?:$|\\s)`)

/** Containers of the article itself, whose class may mention a furniture word in passing. */
const CONTENT_RE =
  /article[-_]?body|articlebody|entry[-_]content|post[-_]content|story[-_]body|article[-_]content|main[-_]content/

/** A live blog's or match ticker's entries ("live-match-comment") are its article. */
const LIVE_RE = /live|ticker|commentary/

/** Furniture that is prose by nature: removed even when it holds long paragraphs. */
export const PROSE_FURNITURE = /comment|kommentar|author|disqus/

/**
 * Its class, and its id unless the id is a slug of a heading ("sharing-with-a-developer",
 * "Eich_CEO_promotion_controversy"): those name the section's subject, not its role.
 */
function signature(el: DomElement): string {
  const id = el.getAttribute('id') ?? ''
  const words = id.split(/[-_\s]+/).filter(Boolean).length
  return `${el.getAttribute('class') ?? ''} ${words <= 2 ? id : ''}`.toLowerCase()
}

/** The furniture word the element's class or id carries ("related"), or undefined. */
export function furnitureName(el: DomElement): string | undefined {
  const sig = signature(el)
  if (sig.trim() === '' || CONTENT_RE.test(sig) || LIVE_RE.test(sig)) return undefined
  const m = ANYWHERE_RE.exec(sig) ?? WHOLE_WORD_RE.exec(sig) ?? WHOLE_CLASS_RE.exec(sig)
  return m?.[0].trim().replace(/^[_-]|[_-]$/g, '')
}
