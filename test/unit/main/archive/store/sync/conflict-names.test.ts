import { describe, expect, it } from 'vitest'
import { parseConflictName } from '../../../../../../main/archive/store/sync/conflict-names.ts'

describe('conflict copies, by sync engine', () => {
  it('Syncthing: name.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.ext', () => {
    expect(parseConflictName('5c.sync-conflict-20261207-191500-ABCDEF7.json')).toEqual({
      original: '5c.json',
      provider: 'syncthing',
      device: 'ABCDEF7',
    })
    expect(parseConflictName('quire.sync-conflict-20240101-000000-7QXZ2LM.json')?.original).toBe(
      'quire.json',
    )
  })

  it("Dropbox: (Name's conflicted copy date), numbered too", () => {
    expect(parseConflictName("5c (Ann's conflicted copy 2026-12-07).json")).toEqual({
      original: '5c.json',
      provider: 'dropbox',
      device: 'Ann',
    })
    expect(
      parseConflictName("quire (Ann Lee's conflicted copy 2026-12-07 (1)).json"),
    ).toMatchObject({ original: 'quire.json', provider: 'dropbox' })
    expect(parseConflictName('a1 (conflicted copy).json')).toMatchObject({
      original: 'a1.json',
      provider: 'dropbox',
    })
  })

  it('Nextcloud and ownCloud: _conflict- (older clients) and (conflicted copy date time)', () => {
    expect(parseConflictName('5c_conflict-20261207-191500.json')).toEqual({
      original: '5c.json',
      provider: 'nextcloud',
    })
    expect(parseConflictName('ff (conflicted copy 2026-12-07 191500).json')).toEqual({
      original: 'ff.json',
      provider: 'nextcloud',
    })
  })

  it("OneDrive: name-HOSTNAME.json, with a number after the host's name too", () => {
    expect(parseConflictName('5c-DESKTOP-7F3K2.json')).toEqual({
      original: '5c.json',
      provider: 'onedrive',
      device: 'DESKTOP-7F3K2',
    })
    expect(parseConflictName('quire-laptop-2.json')).toMatchObject({
      original: 'quire.json',
      provider: 'onedrive',
    })
  })

  it('iCloud Drive: "name 2.json"; Google Drive: "name (1).json"', () => {
    expect(parseConflictName('5c 2.json')).toEqual({ original: '5c.json', provider: 'icloud' })
    expect(parseConflictName('quire 3.json')).toEqual({
      original: 'quire.json',
      provider: 'icloud',
    })
    expect(parseConflictName('0a (1).json')).toEqual({ original: '0a.json', provider: 'gdrive' })
  })

  it('leaves the archive’s own files, temp files and other names alone', () => {
    for (const name of [
      '5c.json',
      'quire.json',
      '.5c.json.123.0123456789ab.tmp',
      '5c.json.damaged',
      'notes 2.md',
      'zz-HOST.json',
      'quirex-HOST.json',
      'report.sync-conflict-20261207-191500-ABCDEF7.txt',
      '5c.sync-conflict-2026127-191500-ABCDEF7.json',
    ]) {
      expect(parseConflictName(name), name).toBeNull()
    }
  })

  it('takes other originals when asked (article bodies)', () => {
    const isBody = (n: string) => /^[0-9a-f]{16}\.html$/.test(n)
    expect(
      parseConflictName('0123456789abcdef.sync-conflict-20261207-191500-ABCDEF7.html', isBody),
    ).toMatchObject({ original: '0123456789abcdef.html', provider: 'syncthing' })
  })
})
