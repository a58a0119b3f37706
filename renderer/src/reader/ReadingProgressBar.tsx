// A thin bar along the top of the reader showing how far through the article the reader is.
interface Props {
  progress: number
}

export function ReadingProgressBar({ progress }: Props) {
  const percent = Math.round(progress * 100)
  return (
    <div
      className="reading-progress"
      role="progressbar"
      aria-label="Reading progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <div className="reading-progress-fill" style={{ '--progress': progress }} />
    </div>
  )
}
