import { chmod, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../../../main/archive/store/atomic-write.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp files behind', async () => {
    const dir = await tempDir()
    const path = join(dir, 'a.json')
    await writeFile(path, 'old')
    await writeFileAtomic(path, 'new')
    expect(await readFile(path, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['a.json'])
  })

  it('keeps the old file and cleans up when the write fails', async () => {
    const dir = await tempDir()
    const path = join(dir, 'a.json')
    await writeFile(path, 'old')
    await chmod(dir, 0o500)
    try {
      // Root ignores directory permissions; only assert the failure path where it applies.
      const failed = await writeFileAtomic(path, 'new').then(
        () => false,
        () => true,
      )
      if (failed) expect(await readFile(path, 'utf8')).toBe('old')
    } finally {
      await chmod(dir, 0o700)
    }
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('gives concurrent writers distinct temp files, so the result is one whole value', async () => {
    const dir = await tempDir()
    const path = join(dir, 'a.json')
    const values = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify({ i, pad: 'x'.repeat(5000) }),
    )
    await Promise.all(values.map((v) => writeFileAtomic(path, v)))
    expect(values).toContain(await readFile(path, 'utf8'))
  })
})
