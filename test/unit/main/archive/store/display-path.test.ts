// displayPath: the archive folder as Settings and the sidebar show it.
import { describe, expect, it } from 'vitest'
import { displayPath } from '../../../../../main/archive/store/display-path.ts'

describe('displayPath', () => {
  it('shortens the home folder to ~ on Linux and macOS', () => {
    expect(displayPath('/home/ann/Quire', '/home/ann', 'linux')).toBe('~/Quire')
    expect(displayPath('/Users/ann/Documents/Quire', '/Users/ann', 'darwin')).toBe(
      '~/Documents/Quire',
    )
    expect(displayPath('/home/ann', '/home/ann', 'linux')).toBe('~')
  })

  it('keeps other folders, look-alike prefixes and Windows paths whole', () => {
    expect(displayPath('/srv/archives/Quire', '/home/ann', 'linux')).toBe('/srv/archives/Quire')
    expect(displayPath('/home/anna/Quire', '/home/ann', 'linux')).toBe('/home/anna/Quire')
    expect(displayPath('C:\\Users\\ann\\Quire', 'C:\\Users\\ann', 'win32')).toBe(
      'C:\\Users\\ann\\Quire',
    )
  })
})
