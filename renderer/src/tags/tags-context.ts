// The archive's tags (names, colours, counts) for components deep in the tree that need them
// (the reader's tag editor) without threading props through panes they don't own.
import { createContext, useContext } from 'react'
import type { TagWithCount } from '../../../shared/model.ts'

export const TagsContext = createContext<TagWithCount[]>([])

export function useTagList(): TagWithCount[] {
  return useContext(TagsContext)
}
