// Reads the hand-written pages of test/fixtures/html and holds tiny real images for tests.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const DIR = join(import.meta.dirname, '..', '..', '..', '..', '..', 'fixtures', 'html')

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(DIR, name)))
}

export function fixtureText(name: string): string {
  return readFileSync(join(DIR, name), 'utf8')
}

/** A 1×1 PNG and a 1×1 GIF, real files any browser would show. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
export const PNG = new Uint8Array(Buffer.from(PNG_BASE64, 'base64'))
export const GIF = new Uint8Array(
  Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
)
export const SVG = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
)
