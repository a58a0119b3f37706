// Window bounds and UI preferences, kept with electron-store. A settings file that fails to
// parse is moved aside as `*.damaged` and the user is told; it is never silently reset.
import { existsSync, renameSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import Store from 'electron-store'
import * as z from 'zod'

export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(150).max(100_000),
  maximized: z.boolean().default(false),
})
export type WindowState = z.infer<typeof WindowStateSchema>

export const UiSettingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  readerFontSize: z.number().int().min(10).max(40).default(18),
  /**
   * Spelling checked as you type. Off by default: Electron downloads the Hunspell dictionary
   * for the language from Google's servers on Windows and Linux, which the offline app must
   * not do unasked. Read when a window is created.
   */
  spellcheck: z.boolean().default(false),
})
export type UiSettings = z.infer<typeof UiSettingsSchema>

export type SettingsIssue =
  | { kind: 'damaged'; path: string; movedTo: string; reason: string }
  | { kind: 'unreadable'; path: string; reason: string }

export interface AppSettings {
  /** The settings file on disk. */
  readonly path: string
  /** The saved window bounds, or undefined when none are saved or they are not valid. */
  windowState(): WindowState | undefined
  saveWindowState(state: WindowState): void
  ui(): UiSettings
  updateUi(patch: Partial<UiSettings>): UiSettings
  /** The archive folder picked in Settings, or undefined when none (or not an absolute path). */
  archivePath(): string | undefined
  setArchivePath(path: string): void
}

export interface OpenSettingsOptions {
  /** The folder of the settings file: Electron's userData in the app, a temp folder in tests. */
  cwd: string
  name?: string
  /** Told about a damaged or unreadable settings file, so the app can tell the user. */
  onIssue: (issue: SettingsIssue) => void
}

/** The part of electron-store we use, so an in-memory store can stand in when the disk fails. */
interface KeyValueStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
}

/**
 * Opens the settings. Never throws: a file that fails to parse is renamed to `*.damaged`
 * and defaults are used; a file that cannot be read or written at all gives an in-memory
 * store for this session. Both cases are reported through `onIssue`.
 */
export function openSettings(opts: OpenSettingsOptions): AppSettings {
  const name = opts.name ?? 'settings'
  const path = join(opts.cwd, `${name}.json`)
  const create = (): KeyValueStore =>
    new Store<Record<string, unknown>>({ cwd: opts.cwd, name, clearInvalidConfig: false })

  let store: KeyValueStore
  try {
    store = create()
  } catch (err) {
    if (isParseError(err) && existsSync(path)) {
      try {
        const movedTo = moveAside(path)
        opts.onIssue({ kind: 'damaged', path, movedTo, reason: errorMessage(err) })
        store = create()
      } catch (again) {
        opts.onIssue({ kind: 'unreadable', path, reason: errorMessage(again) })
        store = memoryStore()
      }
    } else {
      opts.onIssue({ kind: 'unreadable', path, reason: errorMessage(err) })
      store = memoryStore()
    }
  }
  return bindSettings(store, path)
}

/** The dialog text for a settings issue. */
export function describeSettingsIssue(issue: SettingsIssue): { message: string; detail: string } {
  if (issue.kind === 'damaged') {
    return {
      message: 'Quire could not read its settings and started with the default settings.',
      detail:
        `The settings file could not be parsed (${issue.reason}). ` +
        `It was kept as ${issue.movedTo} so nothing is lost. Your archive is not affected.`,
    }
  }
  return {
    message: 'Quire cannot read or save its settings.',
    detail:
      `${issue.path}: ${issue.reason}. Quire uses the default settings, and changes made ` +
      'now will not be saved. Your archive is not affected.',
  }
}

function bindSettings(store: KeyValueStore, path: string): AppSettings {
  const read = (key: string): unknown => {
    try {
      return store.get(key)
    } catch {
      return undefined
    }
  }
  const write = (key: string, value: unknown): void => {
    try {
      store.set(key, value)
    } catch (err) {
      // Losing a window position is not worth interrupting the user for.
      console.warn(`Quire could not save its settings (${path}): ${errorMessage(err)}`)
    }
  }
  const ui = (): UiSettings => {
    const parsed = UiSettingsSchema.safeParse(read('ui') ?? {})
    return parsed.success ? parsed.data : UiSettingsSchema.parse({})
  }
  return {
    path,
    windowState() {
      const parsed = WindowStateSchema.safeParse(read('window'))
      return parsed.success ? parsed.data : undefined
    },
    saveWindowState(state) {
      const parsed = WindowStateSchema.safeParse(state)
      if (parsed.success) write('window', parsed.data)
    },
    ui,
    updateUi(patch) {
      const next = UiSettingsSchema.parse({ ...ui(), ...patch })
      write('ui', next)
      return next
    },
    archivePath() {
      const value = read('archivePath')
      return typeof value === 'string' && isAbsolute(value) ? value : undefined
    },
    setArchivePath(value) {
      if (isAbsolute(value)) write('archivePath', value)
    },
  }
}

function memoryStore(): KeyValueStore {
  const values = new Map<string, unknown>()
  return { get: (key) => values.get(key), set: (key, value) => void values.set(key, value) }
}

/** Renames the file to `<file>.damaged`, or a dated name when that is already taken. */
function moveAside(path: string): string {
  let target = `${path}.damaged`
  if (existsSync(target)) {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    target = `${path}.${stamp}.damaged`
  }
  renameSync(path, target)
  return target
}

function isParseError(err: unknown): boolean {
  return (
    err instanceof Error && (err.name === 'SyntaxError' || err.message.startsWith('Config schema'))
  )
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
