import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { exportEpub } from '../../../../../main/archive/export/epub.ts'
import { parseDocument } from '../../../../../main/archive/import/html/dom.ts'
import { fixtureItems } from './fixture-items.ts'
import { TINY_PNG } from '../../../helpers/tiny-png.ts'
import { expectGolden } from './golden.ts'

const PNG = TINY_PNG
const ASSET = `${'ab'.repeat(32)}.png`
const modified = new Date('2024-08-01T00:00:00.000Z')

async function book() {
  const bytes = await exportEpub(fixtureItems(), {
    modified,
    readAsset: async (n) => (n === ASSET ? PNG : null),
  })
  return { bytes, files: unzipSync(bytes) }
}

/** The local file headers in the order they sit in the zip. */
function entries(bytes: Uint8Array): { name: string; method: number; extra: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const out = []
  let p = 0
  while (view.getUint32(p, true) === 0x04034b50) {
    const method = view.getUint16(p + 8, true)
    const size = view.getUint32(p + 18, true)
    const nameLen = view.getUint16(p + 26, true)
    const extra = view.getUint16(p + 28, true)
    out.push({ name: strFromU8(bytes.subarray(p + 30, p + 30 + nameLen)), method, extra })
    p += 30 + nameLen + extra + size
  }
  return out
}

describe('EPUB', () => {
  it('starts with an uncompressed mimetype entry', async () => {
    const { bytes, files } = await book()
    const [first] = entries(bytes)
    expect(first).toEqual({ name: 'mimetype', method: 0, extra: 0 })
    expect(strFromU8(files.mimetype!)).toBe('application/epub+zip')
  })

  it('has a container pointing at a package document with the required metadata', async () => {
    const { files } = await book()
    const container = strFromU8(files['META-INF/container.xml']!)
    const opfPath = /full-path="([^"]+)"/.exec(container)![1]!
    expect(opfPath).toBe('OEBPS/content.opf')
    const opfText = strFromU8(files[opfPath]!)
    await expectGolden('epub-content.opf', opfText)
    const opf = parseDocument(opfText)
    expect(opf.querySelector('package')!.getAttribute('version')).toBe('3.0')
    const uid = opf.querySelector('package')!.getAttribute('unique-identifier')
    expect(opf.querySelector(`[id="${uid}"]`)!.textContent).toMatch(/^urn:uuid:/)
    expect(opfText).toMatch(/<dc:title>[^<]+<\/dc:title>/)
    expect(opfText).toContain('<dc:language>en</dc:language>')
    expect(opfText).toMatch(/<meta property="dcterms:modified">2024-08-01T00:00:00Z<\/meta>/)
    // Every file of the book (but the fixed three) is in the manifest, and back.
    const hrefs = [...opfText.matchAll(/<item [^>]*href="([^"]+)"/g)].map((m) => `OEBPS/${m[1]}`)
    const inZip = Object.keys(files).filter(
      (n) => n !== 'mimetype' && n !== 'META-INF/container.xml' && n !== opfPath,
    )
    expect(hrefs.sort()).toEqual(inZip.sort())
    expect(inZip).toContain(`OEBPS/images/${ASSET}`)
    const ids = [...opfText.matchAll(/<item id="([^"]+)"/g)].map((m) => m[1])
    const spine = [...opfText.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => m[1])
    expect(spine).toEqual(['nav', 'a-0123456789abcdef', 'a-fedcba9876543210'])
    for (const ref of spine) expect(ids).toContain(ref)
  })

  it('has a nav table of contents and chapters with images, marks and notes', async () => {
    const { files } = await book()
    const nav = strFromU8(files['OEBPS/nav.xhtml']!)
    expect(nav).toContain('epub:type="toc"')
    expect(nav).toContain('<a href="a-0123456789abcdef.xhtml">Council says &quot;yes&quot;')
    expect(nav).toContain('<a href="a-fedcba9876543210.xhtml">')
    const one = strFromU8(files['OEBPS/a-0123456789abcdef.xhtml']!)
    await expectGolden('epub-chapter.xhtml', one)
    expect(one).toContain(`<img src="images/${ASSET}" alt="A bridge"/>`)
    expect(one).toContain('<mark class="q-green"')
    expect(one).toContain('ملاحظة بالعربية')
    // The article note, under its own heading, in the chapter's language.
    expect(one).toContain('<section class="note"><h2>Note</h2>')
    expect(one).toContain('xml:lang="en" lang="en"')
  })

  it('keeps to the content model where the saved markup breaks it', async () => {
    const [item] = fixtureItems()
    const body =
      '<p>Intro <div>block in a paragraph</div></p><dl><dd>only a dd</dd></dl>' +
      '<ul>text in a list<li>item</li></ul><p><a href="#gone">to a gone fragment</a></p>' +
      '<table><tr><td>cell</td></tr>stray</table><span><p>p in span</p></span>'
    const bytes = await exportEpub([{ ...item!, body, anchors: [] }], { modified })
    const chapter = strFromU8(unzipSync(bytes)['OEBPS/a-0123456789abcdef.xhtml']!)
    expect(chapter).toContain('<p>Intro </p><div>block in a paragraph</div>')
    expect(chapter).not.toMatch(/<d[ldt][ >]/)
    expect(chapter).toContain('<ul><li>text in a list</li><li>item</li></ul>')
    expect(chapter).toContain('<a>to a gone fragment</a>')
    expect(chapter).not.toContain('<table>')
    expect(chapter).not.toMatch(/<span>\s*<p>/)
  })
})
