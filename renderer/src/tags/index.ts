// Tags: chips, the inline editor, the sidebar tree and the Tag manager.
// Its public API: other features and app/ import from this file only (eslint.config.js).
export { TagChip } from './TagChip.tsx'
export { TagEditor } from './TagEditor.tsx'
export { TagManager } from './TagManager.tsx'
export { TagTree } from './TagTree.tsx'
export { tagTree } from './tag-tree.ts'
export { useTagList, TagsContext } from './tags-context.ts'
export { useTagEdits } from './use-tag-edits.ts'
export { useTags } from './use-tags.ts'
