// The lint rule that keeps main/archive's areas apart: public modules, directions, the root.
import { join } from 'node:path'
import { RuleTester } from 'eslint'
import { describe, expect, it } from 'vitest'
import {
  ARCHIVE_AREAS,
  ARCHIVE_DIR,
  archiveAreasPlugin,
} from '../../../../main/tools/archive-areas.mjs'

RuleTester.describe = describe
RuleTester.it = it
RuleTester.itOnly = it.only

const at = (path: string) => join(ARCHIVE_DIR, path)
const rule = archiveAreasPlugin.rules['archive-areas']

new RuleTester().run('archive-areas', rule, {
  valid: [
    // Inside an area, anything goes; outside main/archive, the rule says nothing.
    { filename: at('import/html/x.ts'), code: "import { a } from '../pipeline-context.ts'" },
    { filename: at('tags/x.ts'), code: "import { a } from '../../../shared/model.ts'" },
    {
      filename: join(ARCHIVE_DIR, '../cli/x.ts'),
      code: "import { a } from '../archive/store/lock.ts'",
    },
    // Public modules of areas this one uses, operation modules included.
    { filename: at('articles/x.ts'), code: "import { a } from '../import/pipeline.ts'" },
    { filename: at('articles/x.ts'), code: "import { a } from '../search/search-operations.ts'" },
    { filename: at('feeds/x.ts'), code: "export { a } from '../import/feeds/opml.ts'" },
    // The facade may use every area's public modules.
    { filename: at('service.ts'), code: "import { a } from './tags/tag-operations.ts'" },
  ],
  invalid: [
    {
      filename: at('store/x.ts'),
      code: "import { a } from '../import/dedupe-index.ts'",
      errors: [{ message: 'store/ may not import import/ (it uses no other area)' }],
    },
    {
      filename: at('tags/x.ts'),
      code: "import { a } from '../feeds/feed-operations.ts'",
      errors: [{ message: 'tags/ may not import feeds/ (it uses core, store)' }],
    },
    {
      filename: at('feeds/x.ts'),
      code: "export * from '../import/html/purifier.ts'",
      errors: [{ message: /^import\/html\/purifier\.ts is internal to import\// }],
    },
    {
      filename: at('articles/x.ts'),
      code: "const m = import('../store/lock.ts')",
      errors: [{ message: /^store\/lock\.ts is internal to store\// }],
    },
    {
      filename: at('annotations/x.ts'),
      code: "import { ArchiveService } from '../service.ts'",
      errors: [{ message: /areas never import it$/ }],
    },
    {
      filename: at('loose.ts'),
      code: 'export const a = 1',
      errors: [{ message: /^main\/archive's root holds only service\.ts/ }],
    },
    {
      filename: at('misc/x.ts'),
      code: 'export const a = 1',
      errors: [{ message: /^misc\/ is not an area/ }],
    },
  ],
})

describe('ARCHIVE_AREAS', () => {
  it('names only areas that exist, and store uses none', () => {
    for (const [name, area] of Object.entries(ARCHIVE_AREAS)) {
      for (const used of area.uses)
        expect(ARCHIVE_AREAS, `${name} uses ${used}`).toHaveProperty(used)
    }
    expect(ARCHIVE_AREAS.store!.uses).toEqual([])
  })
})
