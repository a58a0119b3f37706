// The Quire mark: a folded sheet and the name set in the reading serif.
export function Wordmark() {
  return (
    <div className="wordmark">
      <svg className="wordmark-mark" viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
        <rect x="4" y="3" width="20" height="26" rx="3" className="wordmark-sheet-back" />
        <path d="M9 6h15a3 3 0 0 1 3 3v17a3 3 0 0 1-3 3H9Z" className="wordmark-sheet" />
        <path d="M13 12h10M13 16h10M13 20h6" className="wordmark-lines" />
      </svg>
      <span className="wordmark-name">Quire</span>
    </div>
  )
}
