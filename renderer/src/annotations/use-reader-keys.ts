// The reader's annotation keys: A shows or hides the highlights sidebar, Shift+N opens the
// article note. (h and n act on a selection: SelectionToolbar; B, the notebook: App.)
import { useShortcuts } from '../ui/use-shortcuts.ts'

export function useReaderKeys(
  live: boolean,
  keys: { toggleSidebar(): void; articleNote(): void },
): void {
  useShortcuts({
    a: live ? keys.toggleSidebar : undefined,
    N: live ? keys.articleNote : undefined,
  })
}
