// Tags arriving from other apps' exports, made valid Quire tag names (see TagNameSchema):
// trimmed, no control characters or commas, at most 100 characters, no duplicates.
export function cleanTags(tags: Iterable<string>): string[] {
  const out = new Set<string>()
  for (const raw of tags) {
    const tag = raw
      .replace(/[\u0000-\u001f\u007f,]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 100)
      .trim()
    if (tag) out.add(tag)
  }
  return [...out]
}
