// Quire's flags in Electron's argv, and what counts as our own URL.
import { describe, expect, it } from 'vitest'
import { archiveFlag, withoutArchiveFlag } from '../../../../main/app/args.ts'
import { isAppUrl, isExternalWebUrl } from '../../../../main/app/app-url.ts'

describe('archiveFlag', () => {
  it('reads --archive DIR and --archive=DIR, made absolute', () => {
    expect(archiveFlag(['electron', '.', '--archive', '/data/news'])).toBe('/data/news')
    expect(archiveFlag(['quire', '--archive=news'], '/home/me')).toBe('/home/me/news')
  })

  it('is undefined when absent or empty', () => {
    expect(archiveFlag(['electron', '.', '--inspect'])).toBeUndefined()
    expect(archiveFlag(['electron', '.', '--archive'])).toBeUndefined()
    expect(archiveFlag(['electron', '.', '--archive', '--other'])).toBeUndefined()
    expect(archiveFlag(['electron', '.', '--archive='])).toBeUndefined()
  })
})

describe('withoutArchiveFlag', () => {
  it('drops --archive DIR and --archive=DIR and keeps everything else', () => {
    expect(withoutArchiveFlag(['.', '--archive', '/a', '--inspect'])).toEqual(['.', '--inspect'])
    expect(withoutArchiveFlag(['.', '--archive=/a'])).toEqual(['.'])
    expect(withoutArchiveFlag(['.', '--archive', '--x'])).toEqual(['.', '--x'])
    expect(withoutArchiveFlag(['.', '--', '--archive', '/a'])).toEqual([
      '.',
      '--',
      '--archive',
      '/a',
    ])
  })
})

describe('app URLs', () => {
  it('accepts only app://quire pages as ours', () => {
    expect(isAppUrl('app://quire/index.html')).toBe(true)
    expect(isAppUrl('app://quire')).toBe(true)
    expect(isAppUrl('app://quire.evil/index.html')).toBe(false)
    expect(isAppUrl('app://quire:8080/')).toBe(false)
    expect(isAppUrl('https://quire/')).toBe(false)
    expect(isAppUrl('file:///quire/index.html')).toBe(false)
    expect(isAppUrl('nonsense')).toBe(false)
  })

  it('treats only http and https as external web URLs', () => {
    expect(isExternalWebUrl('https://example.com')).toBe(true)
    expect(isExternalWebUrl('http://example.com')).toBe(true)
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false)
    expect(isExternalWebUrl('file:///etc/passwd')).toBe(false)
  })
})
