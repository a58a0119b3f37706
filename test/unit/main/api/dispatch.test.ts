import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { api, OPS, type Handlers } from '../../../../shared/api.ts'
import { QuireError } from '../../../../shared/errors.ts'
import { dispatch } from '../../../../main/api/dispatch.ts'
import { createHandlers } from '../../../../main/api/handlers.ts'
import { ArchiveService } from '../../../../main/archive/service.ts'
import { tempDir } from '../../helpers/temp-dir.ts'

async function handlers(): Promise<Handlers> {
  return createHandlers(await ArchiveService.open(await tempDir()), () => {})
}

describe('dispatch', () => {
  it('has a handler for every operation of the contract', async () => {
    const h = await handlers()
    expect(Object.keys(h).sort()).toEqual([...OPS].sort())
  })

  it('refuses unknown operations', async () => {
    const r = await dispatch(await handlers(), 'fs:readFile', { path: '/etc/passwd' })
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } })
  })

  it('refuses prototype keys as operation names', async () => {
    const r = await dispatch(await handlers(), 'constructor', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } })
  })

  // One contract test per operation: a clearly wrong input is INVALID_INPUT, never a crash.
  it.each(OPS)('answers INVALID_INPUT to bad input for %s', async (op) => {
    const r = await dispatch(await handlers(), op, { unexpected: 1, id: '../../etc/passwd' })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(api[op]).toBeDefined()
  })

  it('names the bad field in the message', async () => {
    const r = await dispatch(await handlers(), 'articles:get', { id: 'nope' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/articles:get at id: not an article id/)
  })

  it('answers NOT_FOUND for a well-formed id that is not there', async () => {
    const r = await dispatch(await handlers(), 'articles:get', { id: '0123456789abcdef' })
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('turns thrown QuireErrors into their code and unknown errors into INTERNAL without stacks', async () => {
    const h = await handlers()
    const failing = {
      ...h,
      'archive:info': async () => {
        throw new QuireError('IO', 'disk gone')
      },
      'tags:list': async () => {
        throw new TypeError('boom')
      },
    } satisfies Handlers
    expect(await dispatch(failing, 'archive:info', {})).toEqual({
      ok: false,
      error: { code: 'IO', message: 'disk gone' },
    })
    const r = await dispatch(failing, 'tags:list', {})
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } })
  })

  it('answers a valid call with the value', async () => {
    const r = await dispatch(await handlers(), 'articles:list', { view: 'all' })
    expect(r).toEqual({ ok: true, value: { items: [], total: 0, offset: 0 } })
  })

  it('creates and deletes an annotation through the contract, announcing each change', async () => {
    const service = await ArchiveService.open(await tempDir())
    const events: unknown[] = []
    const h = createHandlers(service, (event, payload) => events.push({ event, payload }))
    const report = await service.importPaths([
      join(import.meta.dirname, '../../../fixtures/import/bridge.txt'),
    ])
    const articleId = report.results[0]?.status === 'imported' ? report.results[0].id : ''
    const created = await dispatch(h, 'annotations:create', {
      articleId,
      start: 4,
      end: 16,
      color: 'yellow',
    })
    expect(created).toMatchObject({
      ok: true,
      value: { target: { quote: { exact: 'city council' } } },
    })
    const id = created.ok ? (created.value as { id: string }).id : ''
    expect(await dispatch(h, 'annotations:delete', { articleId, id })).toEqual({
      ok: true,
      value: { count: 1 },
    })
    expect(
      await dispatch(h, 'annotations:create', { articleId, start: 3, end: 3, color: 'blue' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(events).toEqual([
      { event: 'archive:changed', payload: { reason: 'annotations' } },
      { event: 'archive:changed', payload: { reason: 'annotations' } },
    ])
    await service.close()
  })
})
