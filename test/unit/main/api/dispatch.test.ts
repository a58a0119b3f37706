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
})
