// What every importer hands the pipeline: the article as extracted, before it is stored.
import type { Location } from '../../../shared/book.ts'
import type { Dateline, HighlightColor, ReadStatus } from '../../../shared/model.ts'

export type ArticleFormat = 'text' | 'html' | 'markdown' | 'feed' | 'link' | 'metadata'

/** An image the body refers to, to be stored in assets/ and rewritten to a local URL. */
export interface ImageRef {
  /** The src exactly as it appears in `bodyHtml` (data: URI, relative path or absolute URL). */
  src: string
}

export interface ExtractedArticle {
  title: string
  subtitle?: string
  byline?: string
  /** People, in order. */
  authors: string[]
  /** Organisations credited as authors ("BBC News", "Reuters"), apart from people. */
  organizations?: string[]
  /** The publication or site name ("BBC News", "The Verge"). */
  source?: string
  dateline?: Dateline
  /** Plain paragraphs: the body when `bodyHtml` is absent, and always the text for hashing. */
  paragraphs: string[]
  /** The sanitised body (DOMPurify allow-list); when present it is stored as is. */
  bodyHtml?: string
  /** Images referenced by `bodyHtml`, for the asset step. */
  images?: ImageRef[]
  url?: string
  canonicalUrl?: string
  /** ISO 8601 when known. */
  publishedAt?: string
  modifiedAt?: string
  /** BCP 47 language tag ("en", "pt-BR"). */
  language?: string
  /** Absolute URL or data: URI of the lead image. */
  leadImage?: string
  format: ArticleFormat
  encoding?: string
  /** Tags the source itself carries (a Markdown note's front matter). */
  tags?: string[]
}

/** What an export or feed says about an item it carries only as a link (no text yet). */
export type EntryDetails = Partial<
  Pick<
    ExtractedArticle,
    | 'authors'
    | 'organizations'
    | 'byline'
    | 'source'
    | 'publishedAt'
    | 'modifiedAt'
    | 'language'
    | 'leadImage'
    | 'subtitle'
  >
> & {
  /** The item's summary or description, shown until the text is fetched. */
  excerpt?: string
}

/** A highlight carried by an export (Wallabag, Omnivore, Instapaper, Readwise, Hypothesis). */
export interface ImportedHighlight {
  quote: string
  note?: string
  color?: HighlightColor
  tags?: string[]
  createdAt?: string
  /** Context the source kept, used to disambiguate the quote when anchoring. */
  prefix?: string
  suffix?: string
  /** Where the quote started, in code points of the article's text (W3C, Quire's Location). */
  start?: number
  /** Where the source put it: a page, a Kindle location, a chapter (books). */
  location?: Location
  /** Its identity in the source (import/highlights/identity.ts): a re-import updates it. */
  key?: string
  /** The source's colour name when ours is only the nearest ("orange" shown yellow). */
  sourceColor?: string
}

/** A book (or document) known by its metadata: e-reader exports, Readwise's books. */
export interface ImportedBook {
  title: string
  /** People, in order. */
  authors: string[]
  asin?: string
  isbn?: string
  language?: string
  /** ISO 8601, when the source knows when the book was published. */
  publishedAt?: string
  /** The publisher, or the app the highlights came from when nothing better is known. */
  source?: string
  description?: string
}

/** A place marked without a highlight (a bookmark, a note without its passage). */
export interface ImportedBookmark {
  location: Location
  note?: string
  createdAt?: string
  key?: string
}

/**
 * One item of a multi-item source (a Pocket CSV row, a Wallabag entry, a feed item): the
 * article when the source carries its text, or only a link to fetch later, plus the state
 * and highlights the user built up in the app they are leaving.
 */
export interface ImportEntry {
  /** How the user recognises the item in the report ("pocket.csv › row 12"). */
  source: string
  /** Absent for link-only items: they are stored as link records to fetch when online. */
  article?: ExtractedArticle
  url?: string
  title?: string
  /** Link-only items: the metadata the source carries (author, date, summary…). */
  details?: EntryDetails
  tags: string[]
  status?: ReadStatus
  favorite?: boolean
  archived?: boolean
  /** When the user saved it in the other app (ISO 8601). */
  addedAt?: string
  highlights: ImportedHighlight[]
  /** Feed items: the guid, so each item is imported once. */
  guid?: string
  /** Highlights of a book: stored on the book's record (import/highlights/store-book.ts). */
  book?: ImportedBook
  bookmarks?: ImportedBookmark[]
  /** What the parser did with this item's rows, for the report ("2 edits folded"). */
  detail?: string
  /** The Quire article the highlights were made on (Quire's own JSON-LD names it). */
  articleId?: string
  /** Set when the item could not be read: it is reported as failed with this reason. */
  problem?: string
  /** Files next to the item's page (a page inside a zip), for its images. */
  readSibling?: (relativePath: string) => Promise<Uint8Array | null>
}

export type ImportFailureCode =
  | 'EMPTY'
  | 'BINARY'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_FORMAT'
  | 'NOT_FOUND'
  | 'IO'
  | 'INVALID_INPUT'
  | 'NETWORK'

/** A per-file failure with a code the UI can explain; the batch goes on without it. */
export class ImportFailure extends Error {
  readonly code: ImportFailureCode
  constructor(code: ImportFailureCode, message: string) {
    super(message)
    this.name = 'ImportFailure'
    this.code = code
  }
}
