import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { JsonFileAdapter } from '../../../../../main/archive/store/json-file-adapter.ts'
import { DamagedFileError } from '../../../../../main/archive/store/damaged-file-error.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const Schema = z.object({ n: z.number() })

describe('JsonFileAdapter', () => {
  it('returns null for a missing file and round-trips real writes on disk', async () => {
    const path = join(await tempDir(), 'x.json')
    const adapter = new JsonFileAdapter(path, Schema)
    expect(await adapter.read()).toBeNull()
    await adapter.write({ n: 3 })
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ n: 3 })
    expect(await adapter.read()).toEqual({ n: 3 })
  })

  it('reports a truncated file as damaged, naming the file', async () => {
    const path = join(await tempDir(), 'x.json')
    await writeFile(path, '{"n": 3')
    await expect(new JsonFileAdapter(path, Schema).read()).rejects.toThrow(DamagedFileError)
    await expect(new JsonFileAdapter(path, Schema).read()).rejects.toThrow(/x\.json is damaged/)
  })

  it('reports content that fails the schema as damaged', async () => {
    const path = join(await tempDir(), 'x.json')
    await writeFile(path, '{"n": "three"}')
    await expect(new JsonFileAdapter(path, Schema).read()).rejects.toThrow(/at n/)
  })

  it('runs the upgrade hook before validating', async () => {
    const path = join(await tempDir(), 'x.json')
    await writeFile(path, '{"count": 4}')
    const upgrade = (raw: unknown) => ({ n: (raw as { count: number }).count })
    expect(await new JsonFileAdapter(path, Schema, upgrade).read()).toEqual({ n: 4 })
  })
})
