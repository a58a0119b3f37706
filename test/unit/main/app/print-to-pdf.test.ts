// PDF printing in the desktop app, against a fake BrowserWindow: a hidden window with no
// script prints the HTML from a temporary file, and nothing is left behind, even on failure.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'

class PrintWindow {
  static made: PrintWindow[] = []
  static fail: Error | null = null
  static hang = false
  readonly options: { show?: boolean; webPreferences?: Record<string, unknown> }
  loaded = ''
  loadedText = ''
  destroyed = false
  readonly webContents = {
    setWindowOpenHandler: vi.fn(),
    on: vi.fn(),
    printToPDF: vi.fn(async (_opts: Record<string, unknown>) => {
      if (PrintWindow.hang) return new Promise<Buffer>(() => {})
      if (PrintWindow.fail) throw PrintWindow.fail
      return Buffer.from(`%PDF-1.7 ${this.loadedText.length}`)
    }),
  }
  constructor(options: PrintWindow['options']) {
    this.options = options
    PrintWindow.made.push(this)
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = url
    this.loadedText = readFileSync(fileURLToPath(url), 'utf8')
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  destroy(): void {
    this.destroyed = true
  }
}

const printSession = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() }
vi.mock('electron', () => ({
  BrowserWindow: PrintWindow,
  session: { fromPartition: () => printSession },
}))
const { printToPdf } = await import('../../../../main/app/print-to-pdf.ts')

const HTML = '<!doctype html><title>t</title><p>Ünïcode <mark>quote</mark></p>'

beforeEach(() => {
  PrintWindow.made = []
  PrintWindow.fail = null
  PrintWindow.hang = false
})

describe('printToPdf', () => {
  it('prints the HTML from a temp file in a hidden window without script', async () => {
    const pdf = await printToPdf(HTML)
    expect(new TextDecoder().decode(pdf)).toBe(`%PDF-1.7 ${HTML.length}`)
    const [win] = PrintWindow.made
    expect(win!.options.show).toBe(false)
    expect(win!.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      nodeIntegration: false,
      contextIsolation: true,
    })
    expect(win!.loaded).toMatch(/^file:\/\//)
    expect(win!.loadedText).toBe(HTML)
    expect(win!.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ printBackground: true }),
    )
    expect(win!.destroyed).toBe(true)
    expect(existsSync(fileURLToPath(win!.loaded))).toBe(false)
  })

  it('closes the window and removes the file when printing fails', async () => {
    PrintWindow.fail = new Error('printer on fire')
    await expect(printToPdf(HTML)).rejects.toThrow('printer on fire')
    const [win] = PrintWindow.made
    expect(win!.destroyed).toBe(true)
    expect(existsSync(fileURLToPath(win!.loaded))).toBe(false)
  })

  it('gives up on a print that never ends', async () => {
    PrintWindow.hang = true
    await expect(printToPdf(HTML, 50)).rejects.toThrow(/longer than/)
    expect(PrintWindow.made[0]!.destroyed).toBe(true)
  })
})
