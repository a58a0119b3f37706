// The right-click menu: cut, copy, paste and select all where they apply, copy link on a link,
// and spelling suggestions when the spellchecker is on. Our own rather than
// electron-context-menu: that one offers "Search with Google" (a network call from an offline
// app) and "Inspect Element" unless told not to, and bundles a download manager we never use.
import {
  Menu,
  clipboard,
  type ContextMenuParams,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron'

/** Most suggestions shown for a misspelled word. */
const MAX_SUGGESTIONS = 5

export type MenuParams = Pick<
  ContextMenuParams,
  'isEditable' | 'selectionText' | 'linkURL' | 'misspelledWord' | 'dictionarySuggestions'
> & {
  editFlags: Pick<
    ContextMenuParams['editFlags'],
    'canCut' | 'canCopy' | 'canPaste' | 'canSelectAll'
  >
}

export interface ContextMenuActions {
  replaceMisspelling(word: string): void
  addToDictionary(word: string): void
  copyLink(url: string): void
}

/** The menu for one right-click; empty when there is nothing to offer. */
export function contextMenuTemplate(
  params: MenuParams,
  actions: ContextMenuActions,
  spellcheck: boolean,
): MenuItemConstructorOptions[] {
  const groups: MenuItemConstructorOptions[][] = []
  const misspelled = spellcheck && params.isEditable ? params.misspelledWord : ''
  if (misspelled) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS)
    groups.push([
      ...(suggestions.length > 0
        ? suggestions.map((word) => ({
            label: word,
            click: () => actions.replaceMisspelling(word),
          }))
        : [{ label: 'No Guesses Found', enabled: false }]),
      { label: 'Add to Dictionary', click: () => actions.addToDictionary(misspelled) },
    ])
  }
  const hasSelection = params.selectionText.trim().length > 0
  const edit: MenuItemConstructorOptions[] = []
  if (params.isEditable) edit.push({ role: 'cut', enabled: params.editFlags.canCut })
  if (params.isEditable || hasSelection)
    edit.push({ role: 'copy', enabled: params.editFlags.canCopy })
  if (params.isEditable) edit.push({ role: 'paste', enabled: params.editFlags.canPaste })
  if (edit.length > 0) groups.push(edit)
  if (params.linkURL) {
    const url = params.linkURL
    groups.push([{ label: 'Copy Link', click: () => actions.copyLink(url) }])
  }
  if (params.isEditable || hasSelection || groups.length === 0) {
    groups.push([{ role: 'selectAll', enabled: params.editFlags.canSelectAll }])
  }
  return groups.flatMap((group, i) =>
    i === 0 ? group : [{ type: 'separator' as const }, ...group],
  )
}

/** Shows the menu on every right-click in `contents`. */
export function installContextMenu(contents: WebContents, isSpellcheckOn: () => boolean): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(
      params,
      {
        replaceMisspelling: (word) => contents.replaceMisspelling(word),
        addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
        copyLink: (url) => clipboard.writeText(url),
      },
      isSpellcheckOn(),
    )
    if (template.length > 0) Menu.buildFromTemplate(template).popup()
  })
}
