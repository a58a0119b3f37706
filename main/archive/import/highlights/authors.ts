// Author fields of highlight exports ("Yuval Noah Harari", "Harari, Yuval Noah",
// "Ann Lee and Bo Chen", "Ann Lee; Bo Chen") -> a list of people.

/**
 * The authors of one field. Splits on `;`, ` and `, ` & ` and ` und `/` et `/` y `, and on
 * commas only when every part is a full name: "Harari, Yuval Noah" is one person.
 */
export function splitAuthors(field: string | undefined): string[] {
  const t = field?.replace(/\s+/g, ' ').trim()
  if (!t) return []
  const parts = t
    .split(/\s*;\s*|\s+(?:and|&|und|et|y)\s+/i)
    .flatMap((p) => {
      const byComma = p.split(/\s*,\s*/)
      return byComma.length > 1 && byComma.every((x) => x.includes(' ')) ? byComma : [p]
    })
    .map((p) => p.trim())
    .filter(Boolean)
  return [...new Set(parts)]
}
