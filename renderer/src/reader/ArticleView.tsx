// One article laid out for reading: kicker, title, dek, byline, dateline and meta, tags, the
// lead image (stored in the archive), body.
import type { CSSProperties, Ref } from 'react'
import type { ArticleWithBody } from '../../../shared/api.ts'
import {
  formatDateline,
  joinNames,
  plural,
  readingTime,
  wordCount,
} from '../ui/format/article-meta.ts'
import { formatLongDate, formatLongDay } from '../ui/format/dates.ts'
import { isBook } from '../../../shared/book.ts'
import { ArticleBody } from './ArticleBody.tsx'
import { BookHighlights } from './BookHighlights.tsx'
import { TagChip } from '../tags/index.ts'
import { storedImage } from '../ui/stored-image.ts'
import './lead-image.css'

interface Props {
  data: ArticleWithBody
  tagColors: ReadonlyMap<string, string>
  /** The reading settings as custom properties (typeface, size, leading, measure). */
  style?: CSSProperties | undefined
  /** Reaches the rendered body (selections and highlights are mapped over it). */
  bodyRef?: Ref<HTMLDivElement>
}

export function ArticleView({ data, tagColors, style, bodyRef }: Props) {
  const a = data.article
  const date = a.publishedAt ? formatLongDay(a.publishedAt) : ''
  const byline = a.authors.length > 0 ? `By ${joinNames(a.authors)}` : a.byline
  const original = webAddress(a.url)
  // The lead image heads the article unless the body already shows that same picture.
  const lead = storedImage(a.leadImage)
  const showLead = lead !== undefined && !data.body.includes(lead)
  // A book without its text: no reading time or words to count, its highlights instead.
  const bookOnly = isBook(a) && !data.body.trim()
  return (
    <article className="reader-article" aria-labelledby="reader-title" style={style}>
      <header className="reader-header">
        {a.source && (
          <p className="reader-kicker" data-testid="reader-source">
            {a.source}
          </p>
        )}
        <h1 id="reader-title" className="reader-title">
          {a.title}
        </h1>
        {a.subtitle && (
          <p className="reader-subtitle" data-testid="reader-subtitle">
            {a.subtitle}
          </p>
        )}
        {byline && (
          <p className="reader-byline" data-testid="reader-byline">
            {byline}
          </p>
        )}
        <p className="reader-meta">
          {a.dateline && (
            <span className="reader-dateline" data-testid="reader-dateline">
              {formatDateline(a.dateline)}
            </span>
          )}
          {date ? (
            <time dateTime={a.publishedAt}>{date}</time>
          ) : bookOnly ? null : (
            // An undated article never shows its import day as if it were published then.
            <span className="reader-undated" data-testid="reader-undated">
              Undated · Imported {formatLongDate(a.importedAt)}
            </span>
          )}
          {bookOnly ? (
            <>
              <span>
                Book · {plural(a.annotations.length, 'highlight')}
                {a.bookmarks?.length ? ` · ${plural(a.bookmarks.length, 'bookmark')}` : ''}
              </span>
              {a.identifiers?.isbn && <span>ISBN {a.identifiers.isbn}</span>}
              {a.identifiers?.asin && <span>ASIN {a.identifiers.asin}</span>}
            </>
          ) : (
            <>
              <span>{readingTime(a.readingMinutes)}</span>
              <span>{wordCount(a.wordCount)}</span>
            </>
          )}
          {original && (
            // Opens in the system browser: Electron's window-open handler hands http(s) links
            // to the OS and denies the window; the browser shell opens a tab.
            <a className="reader-original" href={original.href} target="_blank" rel="noreferrer">
              {original.host} ↗
            </a>
          )}
        </p>
        {a.tags.length > 0 && (
          <div className="reader-tags">
            {a.tags.map((t) => (
              <TagChip key={t} name={t} color={tagColors.get(t)} />
            ))}
          </div>
        )}
      </header>
      {showLead && (
        <figure className="reader-lead" data-testid="reader-lead">
          <img src={lead} alt="" />
        </figure>
      )}
      {bookOnly ? (
        <BookHighlights article={a} />
      ) : (
        <ArticleBody html={data.body} bodyRef={bodyRef} />
      )}
      <footer className="reader-footer">
        Imported from {a.origin.name} on {formatLongDate(a.importedAt)}
      </footer>
    </article>
  )
}

/** The article's original address when it is a web address; nothing else becomes a link. */
function webAddress(url: string | undefined): URL | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null
  } catch {
    return null
  }
}
