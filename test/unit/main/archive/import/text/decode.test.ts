// Tests for decodeText and checkTextSize: encodings, line breaks, NFC, and refused input.
import { describe, expect, it } from 'vitest'
import {
  checkTextSize,
  decodeText,
  MAX_TEXT_BYTES,
} from '../../../../../../main/archive/import/text/decode.ts'
import { TextImportError } from '../../../../../../main/archive/import/text/errors.ts'

const SAMPLE = 'Rafah talks – “cease-fire” çğış £5\nSecond line'

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le')
  const be = Buffer.alloc(le.length)
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0
    be[i + 1] = le[i] ?? 0
  }
  return be
}

function errorOf(run: () => unknown): TextImportError {
  try {
    run()
  } catch (err) {
    if (err instanceof TextImportError) return err
    throw err
  }
  throw new Error('expected a TextImportError')
}

describe('decodeText: encodings', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(Buffer.from(SAMPLE, 'utf8'))).toEqual({ text: SAMPLE, encoding: 'utf-8' })
  })

  it('reads UTF-8 with a BOM and strips the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')])
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: 'utf-8' })
  })

  it('reads UTF-16LE with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')])
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: 'utf-16le' })
  })

  it('reads UTF-16BE with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(SAMPLE)])
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: 'utf-16be' })
  })

  it('recognises UTF-16LE without a BOM by its NUL bytes', () => {
    expect(decodeText(Buffer.from(SAMPLE, 'utf16le'))).toEqual({
      text: SAMPLE,
      encoding: 'utf-16le',
    })
  })

  it('recognises UTF-16BE without a BOM by its NUL bytes', () => {
    expect(decodeText(utf16be(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-16be' })
  })

  it('falls back to Windows-1252: £, curly quotes, apostrophe and dashes', () => {
    // "Price: £5 “fair” – it’s"
    const bytes = Buffer.from([
      0x50, 0x72, 0x69, 0x63, 0x65, 0x3a, 0x20, 0xa3, 0x35, 0x20, 0x93, 0x66, 0x61, 0x69, 0x72,
      0x94, 0x20, 0x96, 0x20, 0x69, 0x74, 0x92, 0x73,
    ])
    expect(decodeText(bytes)).toEqual({ text: 'Price: £5 “fair” – it’s', encoding: 'windows-1252' })
  })

  it('reads ISO-8859-1 accents through the same fallback', () => {
    const bytes = Buffer.from('Café in Zürich cost £3', 'latin1')
    expect(decodeText(bytes)).toEqual({ text: 'Café in Zürich cost £3', encoding: 'windows-1252' })
  })

  it('keeps a UTF-8 BOM file that is not valid UTF-8 readable, without the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('£1', 'latin1')])
    expect(decodeText(bytes)).toEqual({ text: '£1', encoding: 'windows-1252' })
  })
})

describe('decodeText: normalisation', () => {
  it('turns CRLF and lone CR into LF', () => {
    const bytes = Buffer.from('Title\r\n\r\nOne\rTwo\r\nThree\n', 'utf8')
    expect(decodeText(bytes).text).toBe('Title\n\nOne\nTwo\nThree\n')
  })

  it('normalises to NFC', () => {
    const decomposed = 'Cafe\u0301 Mu\u0308ller'
    expect(decodeText(Buffer.from(decomposed, 'utf8')).text).toBe('Caf\u00e9 M\u00fcller')
  })

  it('drops a stray control character but keeps tabs', () => {
    const text = `Bell\u0007 here\tand a tab. ${'Plenty of ordinary text around it. '.repeat(3)}`
    const expected = `Bell here\tand a tab. ${'Plenty of ordinary text around it. '.repeat(3)}`
    expect(decodeText(Buffer.from(text, 'utf8')).text).toBe(expected)
  })
})

describe('decodeText: refused input', () => {
  it('refuses an empty file', () => {
    const err = errorOf(() => decodeText(new Uint8Array(0)))
    expect(err.code).toBe('EMPTY')
    expect(err.message).toBe('the file is empty')
    expect(err.name).toBe('TextImportError')
  })

  it('refuses whitespace only, in any line-break style', () => {
    expect(errorOf(() => decodeText(Buffer.from('  \t\r\n\r\n \n ', 'utf8'))).code).toBe('EMPTY')
  })

  it('refuses a file holding only a BOM', () => {
    expect(errorOf(() => decodeText(Buffer.from([0xef, 0xbb, 0xbf]))).code).toBe('EMPTY')
    expect(errorOf(() => decodeText(Buffer.from([0xff, 0xfe, 0x20, 0x00]))).code).toBe('EMPTY')
  })

  it('refuses a PNG (header plus NUL bytes)', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
      0x52, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00,
    ])
    const err = errorOf(() => decodeText(png))
    expect(err.code).toBe('BINARY')
    expect(err.message).toBe('this looks like a binary file, not text')
  })

  it('refuses a zip archive', () => {
    const zip = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]),
      Buffer.from('article.txt', 'latin1'),
      Buffer.from([0x00, 0x00, 0x9c, 0x01, 0x00, 0x00, 0x00, 0x00]),
    ])
    expect(errorOf(() => decodeText(zip)).code).toBe('BINARY')
  })

  it('refuses a single NUL in otherwise plain text, since UTF-16 cannot explain it', () => {
    const bytes = Buffer.from(`${'Plain text. '.repeat(20)}\u0000end`, 'utf8')
    expect(errorOf(() => decodeText(bytes)).code).toBe('BINARY')
  })

  it('refuses data without NULs that is mostly control characters', () => {
    const bytes = Buffer.from([0x01, 0x02, 0x41, 0x03, 0x04, 0x42, 0x05, 0x06, 0x43, 0x1b])
    expect(errorOf(() => decodeText(bytes)).code).toBe('BINARY')
  })

  it('refuses more than the size limit before decoding', () => {
    const err = errorOf(() => decodeText(new Uint8Array(MAX_TEXT_BYTES + 1)))
    expect(err.code).toBe('TOO_LARGE')
  })
})

describe('checkTextSize', () => {
  it('sets the limit at 16 MB', () => {
    expect(MAX_TEXT_BYTES).toBe(16_777_216)
  })

  it('accepts a file exactly at the limit', () => {
    expect(() => checkTextSize(MAX_TEXT_BYTES)).not.toThrow()
    expect(() => checkTextSize(0)).not.toThrow()
  })

  it('refuses a 50 MB file, naming both sizes', () => {
    const err = errorOf(() => checkTextSize(50 * 1024 * 1024))
    expect(err.code).toBe('TOO_LARGE')
    expect(err.message).toBe('the file is 50 MB, larger than the 16 MB limit for text files')
  })

  it('never reports a size just over the limit as equal to it', () => {
    expect(errorOf(() => checkTextSize(MAX_TEXT_BYTES + 1)).message).toBe(
      'the file is 16.1 MB, larger than the 16 MB limit for text files',
    )
  })
})
