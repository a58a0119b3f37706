// The right-click menu: what it offers where, and what its items do.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuParams } from '../../../../main/app/context-menu.ts'

vi.mock('electron', () => import('./fake-electron.ts'))

const fake = await import('./fake-electron.ts')
const { contextMenuTemplate, installContextMenu } =
  await import('../../../../main/app/context-menu.ts')

const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true }
const base: MenuParams = {
  isEditable: false,
  selectionText: '',
  linkURL: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: flags,
}
const actions = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn(), copyLink: vi.fn() }

function names(template: MenuItemConstructorOptions[]): string[] {
  return template.map((i) => i.label ?? i.role ?? i.type ?? '?')
}

beforeEach(() => vi.clearAllMocks())

describe('contextMenuTemplate', () => {
  it('in a text field: cut, copy, paste, select all', () => {
    expect(names(contextMenuTemplate({ ...base, isEditable: true }, actions, false))).toEqual([
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll',
    ])
  })

  it('on selected article text: copy and select all; on a link: copy link', () => {
    const selected = { ...base, selectionText: 'Rafah crossing' }
    expect(names(contextMenuTemplate(selected, actions, false))).toEqual([
      'copy',
      'separator',
      'selectAll',
    ])
    const link = { ...base, linkURL: 'https://example.org/a' }
    const template = contextMenuTemplate(link, actions, false)
    expect(names(template)).toEqual(['Copy Link'])
    template[0]?.click?.({} as never, undefined, {} as never)
    expect(actions.copyLink).toHaveBeenCalledWith('https://example.org/a')
  })

  it('offers spelling suggestions only when the spellchecker is on', () => {
    const typo = {
      ...base,
      isEditable: true,
      selectionText: 'hte',
      misspelledWord: 'hte',
      dictionarySuggestions: ['the', 'he', 'hate', 'hue', 'hit', 'hoe'],
    }
    expect(names(contextMenuTemplate(typo, actions, false))).not.toContain('the')
    const template = contextMenuTemplate(typo, actions, true)
    expect(names(template).slice(0, 7)).toEqual([
      'the',
      'he',
      'hate',
      'hue',
      'hit',
      'Add to Dictionary',
      'separator',
    ])
    template[0]?.click?.({} as never, undefined, {} as never)
    template[5]?.click?.({} as never, undefined, {} as never)
    expect(actions.replaceMisspelling).toHaveBeenCalledWith('the')
    expect(actions.addToDictionary).toHaveBeenCalledWith('hte')
  })

  it('offers nothing that reaches the network or the developer tools', () => {
    const everything = {
      ...base,
      isEditable: true,
      selectionText: 'x',
      linkURL: 'https://example.org',
    }
    const labels = names(contextMenuTemplate(everything, actions, true)).join(' ')
    expect(labels).not.toMatch(/search|google|inspect|look up|save/i)
  })
})

describe('installContextMenu', () => {
  it('pops the menu up on a right-click, with the page’s own actions', () => {
    const contents = new fake.FakeWebContents()
    installContextMenu(contents as never, () => true)
    contents.emit('context-menu', {}, { ...base, linkURL: 'https://example.org/b' })
    const built = fake.Menu.buildFromTemplate.mock.results.at(-1)?.value as {
      template: MenuItemConstructorOptions[]
      popup: ReturnType<typeof vi.fn>
    }
    expect(built.popup).toHaveBeenCalled()
    built.template[0]?.click?.({} as never, undefined, {} as never)
    expect(fake.clipboard.writeText).toHaveBeenCalledWith('https://example.org/b')
  })
})
