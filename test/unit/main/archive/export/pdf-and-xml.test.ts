// Real Chromium (Debian's) for what only a browser can judge: the PDF's page text, read
// back with pdftotext, and a strict XML parse of every EPUB document.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { chromium, type Browser } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportPdf } from '../../../../../main/archive/export/pdf.ts'
import { exportEpub } from '../../../../../main/archive/export/epub.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import { fixtureItems } from './fixture-items.ts'

const CHROMIUM = '/usr/bin/chromium'

type XmlParser = new () => {
  parseFromString(
    text: string,
    type: string,
  ): { querySelector(s: string): { textContent: string | null } | null }
}
const run = promisify(execFile)
const canRun = existsSync(CHROMIUM) && existsSync('/usr/bin/pdftotext')

describe.skipIf(!canRun)('PDF and strict XML in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu'],
    })
  }, 180_000)
  afterAll(async () => browser?.close())

  const printToPdf = async (html: string): Promise<Uint8Array> => {
    const page = await browser.newPage()
    try {
      await page.setContent(html, { waitUntil: 'load' })
      return await page.pdf({ format: 'A4', printBackground: true })
    } finally {
      await page.close()
    }
  }

  it('prints a PDF whose text has the title, a highlighted quote and a note', async () => {
    const pdf = await exportPdf([fixtureItems()[0]!], printToPdf)
    const dir = await tempDir()
    await writeFile(join(dir, 'out.pdf'), pdf)
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'out.pdf'), '-'])
    const text = stdout.replace(/\s+/g, ' ')
    expect(text).toContain('Council says "yes": bridge, road & rail')
    expect(text).toContain('residents cheered')
    expect(text).toContain('Quote, with "marks",')
    expect(text).toContain('Highlights and notes')
  }, 180_000)

  it('prints a bundle, one article after another', async () => {
    const pdf = await exportPdf(fixtureItems(), printToPdf)
    const dir = await tempDir()
    await writeFile(join(dir, 'bundle.pdf'), pdf)
    const { stdout } = await run('pdftotext', [join(dir, 'bundle.pdf'), '-'])
    expect(stdout).toContain('Second article, plain text.')
    expect(stdout).toContain('Quire export')
  }, 180_000)

  it('refuses an answer that is not a PDF', async () => {
    await expect(exportPdf(fixtureItems(), async () => new Uint8Array([1, 2]))).rejects.toThrow(
      /not return a PDF/,
    )
  })

  it('every XML document of the EPUB parses strictly', async () => {
    const files = unzipSync(await exportEpub(fixtureItems(), { modified: new Date(0) }))
    const page = await browser.newPage()
    try {
      for (const [name, bytes] of Object.entries(files)) {
        if (!/\.(xhtml|opf|xml)$/.test(name)) continue
        const type = name.endsWith('.xhtml') ? 'application/xhtml+xml' : 'application/xml'
        const error = await page.evaluate(
          ([text, mime]) => {
            // Runs in the page; main is compiled without the DOM lib, hence the shape here.
            const Parser = (globalThis as unknown as { DOMParser: XmlParser }).DOMParser
            const doc = new Parser().parseFromString(text!, mime!)
            return doc.querySelector('parsererror')?.textContent ?? null
          },
          [strFromU8(bytes), type],
        )
        expect({ name, error }).toEqual({ name, error: null })
      }
    } finally {
      await page.close()
    }
  }, 180_000)
})
