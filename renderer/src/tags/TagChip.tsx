// A tag as a small chip with its colour dot.
interface Props {
  name: string
  color: string | undefined
}

export function TagChip({ name, color }: Props) {
  return (
    <span className="tag-chip">
      <span className="tag-dot" style={color ? { '--tag-color': color } : undefined} />
      {name}
    </span>
  )
}
