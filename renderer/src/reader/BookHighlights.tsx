// A book known only by its metadata has no text to read: the reader shows its highlights and
// notes as a list in reading order, each with its place (page, Kindle location, chapter), and
// its bookmarks after them.
import { compareLocations, locationLabel } from '../../../shared/book.ts'
import type { Article } from '../../../shared/model.ts'

export function BookHighlights({ article }: { article: Article }) {
  const highlights = [...article.annotations].sort((x, y) =>
    compareLocations(x.target.location, y.target.location),
  )
  const bookmarks = article.bookmarks ?? []
  if (!highlights.length && !bookmarks.length) {
    return <p className="book-empty">This book has no highlights yet.</p>
  }
  return (
    <section className="book-highlights" aria-label="Highlights" data-testid="book-highlights">
      <ol className="book-highlight-list">
        {highlights.map((h) => (
          <li key={h.id} className={`book-highlight color-${h.color}`} data-annotation-id={h.id}>
            <blockquote>{h.target.quote.exact}</blockquote>
            {h.target.location && (
              <p className="book-highlight-place">{locationLabel(h.target.location)}</p>
            )}
            {h.note.trim() && <p className="book-highlight-note">{h.note}</p>}
            {h.tags.length > 0 && (
              <p className="book-highlight-tags">{h.tags.map((t) => `#${t}`).join(' ')}</p>
            )}
          </li>
        ))}
      </ol>
      {bookmarks.length > 0 && (
        <>
          <h2 className="book-bookmarks-title">Bookmarks</h2>
          <ul className="book-bookmarks">
            {bookmarks.map((b) => (
              <li key={b.id}>
                {locationLabel(b.location) || 'No place'}
                {b.note ? ` — ${b.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
