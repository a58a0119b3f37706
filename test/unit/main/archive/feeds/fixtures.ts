// Reads the feed fixtures we wrote (test/fixtures/feeds).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const DIR = join(import.meta.dirname, '../../../../fixtures/feeds')

export function fixture(name: string): Uint8Array {
  return readFileSync(join(DIR, name))
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
