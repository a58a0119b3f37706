// Tests for readZip: good archives read; zip-slip, bombs, truncation and non-zips refused.
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { ImportFailure } from '../../../../../../main/archive/import/extracted.ts'
import { readZip } from '../../../../../../main/archive/import/zip/read-zip.ts'
import { crc32 } from '../../../../../../main/archive/import/zip/crc32.ts'
import { buildZip, zeroBomb } from './build-zip.ts'
import { inflateSync } from 'fflate'

const enc = new TextEncoder()
const dec = new TextDecoder()

function failure(run: () => unknown): ImportFailure {
  try {
    run()
  } catch (err) {
    if (err instanceof ImportFailure) return err
    throw err
  }
  throw new Error('expected an ImportFailure')
}

describe('readZip: archives it reads', () => {
  it('reads the files of an fflate archive, skipping folders, __MACOSX and dotfiles', () => {
    const zip = zipSync({
      'part_000000.csv': enc.encode('title,url\n'),
      'content/a.html': enc.encode('<p>hi</p>'),
      'empty/': new Uint8Array(),
      '__MACOSX/._part_000000.csv': enc.encode('junk'),
      '.DS_Store': enc.encode('junk'),
    })
    const files = readZip(zip)
    expect(files.map((f) => f.path).sort()).toEqual(['content/a.html', 'part_000000.csv'])
    expect(dec.decode(files.find((f) => f.path === 'content/a.html')!.bytes)).toBe('<p>hi</p>')
  })

  it('reads stored (uncompressed) entries and Windows separators inside the archive', () => {
    const zip = buildZip([{ name: 'content\\b.html', content: 'stored body', stored: true }])
    expect(readZip(zip)).toEqual([{ path: 'content/b.html', bytes: enc.encode('stored body') }])
  })

  it('inflates only the accepted files', () => {
    const zip = zipSync({ 'a.csv': enc.encode('a'), 'b.bin': enc.encode('b') })
    expect(readZip(zip, { accept: (p) => p.endsWith('.csv') }).map((f) => f.path)).toEqual([
      'a.csv',
    ])
  })
})

describe('readZip: zip-slip names', () => {
  it.each([
    ['../evil.txt', 'climbs out'],
    ['content/../../evil.txt', 'climbs out'],
    ['..\\..\\evil.txt', 'climbs out'],
    ['/etc/passwd', 'absolute'],
    ['\\\\server\\share\\x', 'absolute'],
    ['C:/Windows/evil.dll', 'drive letter'],
    ['c:evil', 'drive letter'],
  ])('refuses %s', (name, reason) => {
    const err = failure(() => readZip(buildZip([{ name, content: 'x' }])))
    expect(err.code).toBe('INVALID_INPUT')
    expect(err.message).toContain(reason)
    expect(err.message).toContain(name)
  })
})

describe('readZip: bombs and caps', () => {
  it('the hand-made bomb stream really inflates to zeros (so the next tests mean something)', () => {
    const out = inflateSync(zeroBomb(1_000_000))
    expect(out.length).toBe(1_000_000)
    expect(out.every((b) => b === 0)).toBe(true)
  })

  it('stops inflating a 1 GB bomb that declares 1 KB, long before 1 GB is held', () => {
    const bomb = zeroBomb(1024 * 1024 * 1024)
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024)
    const zip = buildZip([{ name: 'zeros.csv', deflated: bomb, size: 1024, crc: 0 }])
    const before = process.memoryUsage().arrayBuffers
    const err = failure(() => readZip(zip))
    expect(err.code).toBe('TOO_LARGE')
    expect(err.message).toContain('zeros.csv')
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(600 * 1024 * 1024)
  })

  it('refuses an honest entry whose declared size is over the cap without inflating it', () => {
    const zip = buildZip([{ name: 'big.csv', deflated: zeroBomb(1000), size: 2_000_000_000 }])
    const err = failure(() => readZip(zip))
    expect(err.code).toBe('TOO_LARGE')
  })

  it('caps the total: overlapping entries that each pass the entry cap', () => {
    const one = zeroBomb(4 * 1024 * 1024)
    const crc = crc32(new Uint8Array(4 * 1024 * 1024))
    const entries = Array.from({ length: 5 }, (_, i) => ({
      name: `part_${i}.csv`,
      deflated: one,
      size: 4 * 1024 * 1024,
      crc,
    }))
    const err = failure(() =>
      readZip(buildZip(entries), {
        maxEntryBytes: 8 * 1024 * 1024,
        maxTotalBytes: 10 * 1024 * 1024,
      }),
    )
    expect(err.code).toBe('TOO_LARGE')
    expect(err.message).toContain('in all')
  })

  it('refuses more entries than the cap', () => {
    const zip = zipSync({ a: enc.encode('1'), b: enc.encode('2'), c: enc.encode('3') })
    const err = failure(() => readZip(zip, { maxEntries: 2 }))
    expect(err.code).toBe('TOO_LARGE')
    expect(err.message).toContain('3 entries')
  })

  it('overlapping entries that lie about their size stop at the first one', () => {
    const one = zeroBomb(4 * 1024 * 1024)
    const entries = Array.from({ length: 50 }, (_, i) => ({
      name: `p${i}.csv`,
      deflated: one,
      size: 1,
    }))
    const err = failure(() => readZip(buildZip(entries)))
    expect(err.code).toBe('INVALID_INPUT')
    expect(err.message).toContain('"p0.csv" is damaged')
  })

  it('refuses an entry that lies about its size below the cap', () => {
    const zip = buildZip([{ name: 'a.csv', content: 'hello world', size: 5 }])
    expect(failure(() => readZip(zip)).message).toContain('not the 5 it declares')
  })
})

describe('readZip: damaged and foreign files', () => {
  const good = zipSync({ 'part_000000.csv': enc.encode('title,url\n'.repeat(200)) })

  it('refuses a truncated zip', () => {
    const err = failure(() => readZip(good.subarray(0, Math.floor(good.length / 2))))
    expect(err.code).toBe('INVALID_INPUT')
    expect(err.message).toContain('truncated')
  })

  it('refuses a zip whose data was cut out but whose table of contents survived', () => {
    const cut = new Uint8Array(good)
    cut.fill(0, 40, 60)
    const err = failure(() => readZip(cut))
    expect(err.code).toBe('INVALID_INPUT')
  })

  it('refuses a text file named .zip', () => {
    const err = failure(() =>
      readZip(enc.encode('title,url,time_added\nnot a zip at all, really\n')),
    )
    expect(err.code).toBe('INVALID_INPUT')
    expect(err.message).toContain('no zip header')
  })

  it('refuses an empty file', () => {
    expect(failure(() => readZip(new Uint8Array())).code).toBe('INVALID_INPUT')
  })

  it('refuses encrypted entries', () => {
    const err = failure(() => readZip(buildZip([{ name: 'secret.csv', content: 'x', flags: 1 }])))
    expect(err.message).toContain('encrypted')
  })

  it('refuses unknown compression methods', () => {
    const zip = buildZip([{ name: 'a.csv', content: 'x', stored: true }])
    new DataView(zip.buffer).setUint16(zip.length - 22 - 46 - 5 + 10, 14, true)
    expect(failure(() => readZip(zip)).message).toContain('compression method 14')
  })
})
