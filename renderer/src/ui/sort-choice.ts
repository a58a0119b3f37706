// A sort menu's choice and what it asks of the archive: the plain list and search results
// each keep a list of these, and read the picked one's sort and order the same way.

/** One menu choice; `Q` is the query it feeds ('articles:list', 'articles:search'). */
export interface SortChoice<Q extends { sort?: string; order?: string }> {
  id: string
  label: string
  sort: NonNullable<Q['sort']>
  order: NonNullable<Q['order']>
}

type Picked = { id: string; sort: string; order: string }

/** The sort and order of the choice with this id; an unknown id falls back to the first. */
export function orderOf<T extends readonly [Picked, ...Picked[]]>(
  choices: T,
  id: T[number]['id'],
): Pick<T[number], 'sort' | 'order'> {
  const picked: T[number] = choices.find((c) => c.id === id) ?? choices[0]
  return { sort: picked.sort, order: picked.order }
}
