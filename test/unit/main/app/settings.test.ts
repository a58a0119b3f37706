// Settings: window bounds and UI preferences survive a restart; a damaged settings file is
// kept aside as *.damaged and reported, never silently reset.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { tempDir } from '../../helpers/temp-dir.ts'
import {
  describeSettingsIssue,
  openSettings,
  type SettingsIssue,
} from '../../../../main/app/settings.ts'

// electron-store is conf plus Electron's userData path. Its own `import 'electron'` would try
// to download Electron here, so the tests run the same reading and writing code through conf.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf')
  class ElectronStoreOnConf extends Conf<Record<string, unknown>> {
    constructor(options: { name?: string; cwd: string; clearInvalidConfig?: boolean }) {
      const { name, ...rest } = options
      super({ ...rest, configName: name ?? 'config' })
    }
  }
  return { default: ElectronStoreOnConf }
})

function open(cwd: string) {
  const issues: SettingsIssue[] = []
  const settings = openSettings({ cwd, onIssue: (i) => issues.push(i) })
  return { settings, issues }
}

const bounds = { x: 40, y: 30, width: 1000, height: 700, maximized: false }

describe('openSettings', () => {
  it('starts with defaults and keeps window bounds and UI settings across restarts', async () => {
    const dir = await tempDir()
    const first = open(dir)
    expect(first.settings.windowState()).toBeUndefined()
    expect(first.settings.ui()).toEqual({ theme: 'system', readerFontSize: 18, spellcheck: false })
    first.settings.saveWindowState(bounds)
    first.settings.updateUi({ theme: 'dark' })

    const second = open(dir)
    expect(second.issues).toEqual([])
    expect(second.settings.windowState()).toEqual(bounds)
    expect(second.settings.ui()).toEqual({ theme: 'dark', readerFontSize: 18, spellcheck: false })
    expect(second.settings.path).toBe(join(dir, 'settings.json'))
  })

  it('remembers the archive folder picked in Settings, ignoring a relative path', async () => {
    const dir = await tempDir()
    const first = open(dir)
    expect(first.settings.archivePath()).toBeUndefined()
    first.settings.setArchivePath('relative/folder')
    expect(first.settings.archivePath()).toBeUndefined()
    first.settings.setArchivePath(join(dir, 'news'))
    expect(open(dir).settings.archivePath()).toBe(join(dir, 'news'))
  })

  it('moves a file that fails to parse aside as *.damaged, tells, and starts with defaults', async () => {
    const dir = await tempDir()
    const file = join(dir, 'settings.json')
    await writeFile(file, '{"window": {"width": 10')

    const { settings, issues } = open(dir)
    expect(issues).toEqual([
      expect.objectContaining({ kind: 'damaged', path: file, movedTo: `${file}.damaged` }),
    ])
    // The damaged bytes are kept, untouched, for the user or support to look at.
    expect(await readFile(`${file}.damaged`, 'utf8')).toBe('{"window": {"width": 10')
    expect(settings.windowState()).toBeUndefined()
    expect(settings.ui()).toEqual({ theme: 'system', readerFontSize: 18, spellcheck: false })

    settings.saveWindowState(bounds)
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ window: bounds })
  })

  it('never overwrites an earlier damaged copy', async () => {
    const dir = await tempDir()
    const file = join(dir, 'settings.json')
    await writeFile(file, 'first damage')
    open(dir)
    await writeFile(file, 'second damage')
    const { issues } = open(dir)

    const kept = (await readdir(dir)).filter((f) => f.endsWith('.damaged')).sort()
    expect(kept).toHaveLength(2)
    const contents = await Promise.all(kept.map((f) => readFile(join(dir, f), 'utf8')))
    expect(contents.sort()).toEqual(['first damage', 'second damage'])
    expect(issues[0]).toMatchObject({ kind: 'damaged' })
    expect(issues[0]?.kind === 'damaged' && issues[0].movedTo).not.toBe(`${file}.damaged`)
  })

  it('ignores values of the wrong shape without rewriting the file', async () => {
    const dir = await tempDir()
    const file = join(dir, 'settings.json')
    const text = JSON.stringify({ window: { width: 'wide' }, ui: { theme: 'neon' } })
    await writeFile(file, text)
    const { settings, issues } = open(dir)
    expect(issues).toEqual([])
    expect(settings.windowState()).toBeUndefined()
    expect(settings.ui()).toEqual({ theme: 'system', readerFontSize: 18, spellcheck: false })
    expect(await readFile(file, 'utf8')).toBe(text)
  })

  it('falls back to settings in memory when the file cannot be read at all', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'settings.json')) // a folder where the file should be
    const { settings, issues } = open(dir)
    expect(issues).toEqual([expect.objectContaining({ kind: 'unreadable' })])
    settings.saveWindowState(bounds)
    expect(settings.windowState()).toEqual(bounds)
  })
})

describe('describeSettingsIssue', () => {
  it('names where the damaged file was kept', () => {
    const text = describeSettingsIssue({
      kind: 'damaged',
      path: '/u/settings.json',
      movedTo: '/u/settings.json.damaged',
      reason: 'Unexpected end of JSON input',
    })
    expect(text.message).toMatch(/default settings/)
    expect(text.detail).toContain('/u/settings.json.damaged')
  })
})
