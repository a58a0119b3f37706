// Every operation of the contract, fed random and mutated inputs through the real dispatch
// path over a real seeded archive: the answer is always a Result envelope (never a throw, a
// stack or an INTERNAL error), and a refused call leaves every archive file byte-identical.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, OPS, type Op, type OpInput, type Result } from '../../../shared/api.ts'
import { ApiErrorSchema, QuireError } from '../../../shared/errors.ts'
import { dispatch } from '../../../main/api/dispatch.ts'
import { BROWSER_ARCHIVE_MESSAGE } from '../../../main/api/handlers.ts'
import { tempDir } from '../helpers/temp-dir.ts'
import { diffSnapshots, snapshotArchive } from './helpers/archive-snapshot.ts'
import { anyValue, mutate, mutation } from './helpers/hostile-inputs.ts'
import {
  copyArchive,
  DEAD_FEED_URL,
  DEAD_PAGE_URL,
  OPML,
  openArchive,
  seedArchive,
  type Seed,
} from './helpers/seeded-archive.ts'

/** Runs per operation; with about 40 operations the file takes about 30 s on 2 busy cores. */
const RUNS = { arbitrary: 40, mutated: 80 }
/** No shrinking: counterexamples hold megabyte strings, and the error message names the cause. */
const OPTIONS = { endOnFailure: true }

/**
 * One valid input per operation, for the mutations to bend. A new op is a type error here,
 * and a failing test below; until it gets a sample it is still fuzzed from `{}`.
 */
const VALID: { [K in Op]: (s: Seed) => OpInput<K> } = {
  'archive:info': () => ({}),
  'articles:list': () => ({ view: 'all', text: 'rafah', tag: 'region/gaza', limit: 10 }),
  'articles:get': (s) => ({ id: s.ids[0] ?? '' }),
  'articles:update': (s) => ({
    id: s.ids[0] ?? '',
    patch: { title: 'New title', tags: ['x'], url: 'https://example.com/a', publishedAt: null },
  }),
  'articles:setNote': (s) => ({ id: s.ids[0] ?? '', note: 'a note' }),
  'articles:delete': (s) => ({ ids: [s.ids[1] ?? ''] }),
  'articles:restore': (s) => ({ ids: [s.trashed] }),
  'trash:empty': () => ({}),
  'annotations:create': (s) => ({
    articleId: s.ids[0] ?? '',
    start: 0,
    end: 5,
    color: 'green',
    note: 'n',
    tags: ['t'],
  }),
  'annotations:update': (s) => ({
    articleId: s.ids[0] ?? '',
    id: s.annotation.id,
    color: 'blue',
    note: 'changed',
    tags: ['u'],
  }),
  'annotations:delete': (s) => ({ articleId: s.ids[0] ?? '', id: s.annotation.id }),
  'annotations:restore': (s) => ({ articleId: s.ids[1] ?? '', annotation: s.annotation }),
  'import:upload': () => ({
    files: [{ name: 'new.txt', dataBase64: Buffer.from('Hello\n\nWorld').toString('base64') }],
    tags: ['imported'],
  }),
  'articles:bulkUpdate': (s) => ({ ids: s.ids, change: { addTags: ['bulk'], status: 'read' } }),
  'tags:list': () => ({}),
  'tags:rename': () => ({ from: 'region/gaza', to: 'region/rafah' }),
  'tags:merge': () => ({ from: ['region/gaza'], into: 'merged' }),
  'tags:setColor': () => ({ name: 'region/gaza', color: '#aabbcc' }),
  'tags:delete': () => ({ name: 'region/gaza' }),
  'articles:search': () => ({ query: 'rafah tag:region/gaza is:unread', limit: 5 }),
  'search:suggest': () => ({ prefix: 'raf', kinds: ['tag', 'source'], limit: 5 }),
  'index:status': () => ({}),
  'searches:list': () => ({}),
  'searches:save': (s) => ({ id: s.searchId, name: 'renamed', query: 'sea' }),
  'searches:delete': (s) => ({ id: s.searchId }),
  'annotations:list': () => ({ filters: { color: 'yellow', text: 'a' }, limit: 10 }),
  'annotations:candidates': (s) => ({ articleId: s.ids[0] ?? '' }),
  'annotations:reanchor': (s) => ({
    articleId: s.ids[0] ?? '',
    id: s.annotation.id,
    start: 1,
    end: 4,
  }),
  'import:urls': () => ({ urls: [DEAD_PAGE_URL], tags: ['web'] }),
  'articles:fetch': (s) => ({ ids: s.ids }),
  'articles:reextract': (s) => ({ ids: s.ids }),
  'articles:sources': () => ({}),
  'articles:merge': (s) => ({ ids: s.ids }),
  'articles:getVersion': (s) => ({ id: s.ids[0] ?? '', n: 1 }),
  'options:get': () => ({}),
  'options:set': () => ({ allowLocalNetwork: true }),
  'feeds:list': () => ({}),
  'feeds:subscribe': () => ({ url: DEAD_FEED_URL.replace('feed', 'other'), tags: ['news'] }),
  'feeds:refresh': (s) => ({ ids: [s.feedId] }),
  'feeds:unsubscribe': (s) => ({ id: s.feedId }),
  'feeds:importOpml': () => ({ text: OPML.replace('feed.xml', 'second.xml') }),
  'feeds:exportOpml': () => ({}),
  'export:preview': (s) => ({
    format: 'markdown',
    selection: { kind: 'ids', ids: [s.ids[0] ?? ''] },
  }),
  'export:run': () => ({ format: 'readwise', selection: { kind: 'all' } }),
  'sync:status': () => ({}),
  'sync:revealUnmerged': () => ({}),
  'app:chooseArchive': () => ({}),
  'app:flushed': () => ({ id: 1 }),
  'app:getSettings': () => ({}),
  'capture:pairingCode': () => ({}),
  'app:setSettings': () => ({ spellcheck: true }),
}

let templateParent = ''
let template = ''
let seed: Seed
const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort()

// Made here rather than with tempDir(), which empties its folders after every test.
beforeAll(async () => {
  templateParent = await mkdtemp(join(tmpdir(), 'quire-fuzz-template-'))
  template = join(templateParent, 'archive')
  seed = await seedArchive(template)
}, 180_000)

afterAll(async () => {
  await rm(templateParent, { recursive: true, force: true })
  // The same check once more at the end, in case a pollution only showed up late.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys)
})

/** Sends one input and checks the envelope, the error code, and (when refused) the disk. */
async function checkOne(
  arch: Awaited<ReturnType<typeof openArchive>>,
  parent: string,
  op: Op,
  input: unknown,
): Promise<Result<unknown>> {
  const before = await snapshotArchive(arch.root)
  const answer = await dispatch(arch.handlers, op, input)
  expect(typeof answer).toBe('object')
  if (answer.ok) {
    // A success must also match the contract's output schema.
    const out = api[op].output.safeParse(answer.value)
    expect(out.success, `${op} answered off-contract: ${out.error?.message}`).toBe(true)
  } else {
    expect(answer).toEqual({ ok: false, error: expect.anything() })
    const err = ApiErrorSchema.parse(answer.error)
    // INTERNAL means an exception nobody anticipated: a crash by another name.
    expect(err.code, `${op}: ${err.message}`).not.toBe('INTERNAL')
    expect(err.message).not.toMatch(/\n\s+at /)
    expect(diffSnapshots(before, await snapshotArchive(arch.root))).toEqual([])
  }
  // Nothing lands beside the archive (upload names like ../../x are names, not paths).
  expect(await readdir(parent)).toEqual(['archive'])
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys)
  return answer
}

function sampleFor(op: Op): unknown {
  const make = (VALID as Partial<Record<Op, (s: Seed) => unknown>>)[op]
  return make ? make(seed) : {}
}

it('has a valid sample input for every operation', () => {
  expect(OPS.filter((op) => !Object.hasOwn(VALID, op))).toEqual([])
  for (const op of OPS) {
    const parsed = api[op].input.safeParse(sampleFor(op))
    expect(parsed.success, `${op}: ${parsed.error?.message}`).toBe(true)
  }
})

describe.each(OPS)('%s under hostile input', (op) => {
  it('answers every arbitrary or mutated input with an envelope, and writes nothing when it refuses', async () => {
    const parent = await tempDir('quire-fuzz-')
    const arch = await openArchive(await copyArchive(template, parent))
    const valid = sampleFor(op)
    const counts = { ok: 0, refused: 0 }
    // Returns nothing: fast-check reads a property's `false` as a failure.
    const tally = (r: Result<unknown>): void => void (r.ok ? counts.ok++ : counts.refused++)
    try {
      // The valid input itself goes through first: the mutations start from a working call.
      await checkOne(arch, parent, op, structuredClone(valid))
      await fc.assert(
        fc.asyncProperty(anyValue, async (input) => tally(await checkOne(arch, parent, op, input))),
        { ...OPTIONS, numRuns: RUNS.arbitrary },
      )
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) =>
          tally(await checkOne(arch, parent, op, mutate(valid, ms))),
        ),
        { ...OPTIONS, numRuns: RUNS.mutated },
      )
    } finally {
      await arch.service.close()
    }
    // The property must have seen refusals; a schema that accepts everything would not.
    expect(counts.refused).toBeGreaterThan(0)
  })
})

describe('operations that need the desktop', () => {
  it('app:chooseArchive answers UNSUPPORTED without Electron, and writes nothing', async () => {
    const parent = await tempDir('quire-fuzz-')
    const arch = await openArchive(await copyArchive(template, parent))
    try {
      const r = await checkOne(arch, parent, 'app:chooseArchive', {})
      expect(r).toEqual({
        ok: false,
        error: { code: 'UNSUPPORTED', message: BROWSER_ARCHIVE_MESSAGE },
      })
    } finally {
      await arch.service.close()
    }
  })
})

describe('the checks themselves', () => {
  it('catch a handler that writes and then fails', async () => {
    const parent = await tempDir('quire-fuzz-')
    const arch = await openArchive(await copyArchive(template, parent))
    const broken = {
      ...arch.handlers,
      'tags:delete': async () => {
        await writeFile(join(arch.root, 'quire.json'), '{}')
        throw new QuireError('NOT_FOUND', 'no such tag')
      },
    }
    try {
      const input = { name: 'region/gaza' }
      await expect(
        checkOne({ ...arch, handlers: broken }, parent, 'tags:delete', input),
      ).rejects.toThrow(/quire\.json/)
    } finally {
      await arch.service.close()
    }
  })
})

describe('the seeded archive', () => {
  it('holds what the valid inputs refer to', async () => {
    await mkdir(join(template, 'index'), { recursive: true })
    const files = [...(await snapshotArchive(template)).keys()]
    expect(files).toContain('quire.json')
    expect(files.filter((f) => f.startsWith('content/'))).toHaveLength(3)
    expect(seed.ids).toHaveLength(2)
  })
})
