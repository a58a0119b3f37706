// Golden files for the export formats: compared exactly; UPDATE_GOLDEN=1 rewrites them.
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { expect } from 'vitest'

export const GOLDEN_DIR = join(import.meta.dirname, '../../../../fixtures/export')

export async function expectGolden(name: string, actual: string): Promise<void> {
  const path = join(GOLDEN_DIR, name)
  if (process.env.UPDATE_GOLDEN === '1') {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, actual)
    return
  }
  if (!existsSync(path)) throw new Error(`missing golden file ${name}; run with UPDATE_GOLDEN=1`)
  expect(actual).toBe(await readFile(path, 'utf8'))
}
