// Test helpers: read a fixture of test/fixtures/services, and catch the ImportFailure a call throws.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ImportFailure } from '../../../../../../main/archive/import/extracted.ts'

const ROOT = join(import.meta.dirname, '../../../../../fixtures/services')

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(ROOT, name)))
}

export function fixtureText(name: string): string {
  return readFileSync(join(ROOT, name), 'utf8')
}

export function failure(run: () => unknown): ImportFailure {
  try {
    run()
  } catch (err) {
    if (err instanceof ImportFailure) return err
    throw err
  }
  throw new Error('expected an ImportFailure')
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
