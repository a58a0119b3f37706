// Each export is claimed by its own importer only, and ordinary CSV/JSON/HTML/zip files by none.
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { sniffOf } from '../../../../../../main/archive/import/importer.ts'
import { SERVICE_IMPORTERS } from '../../../../../../main/archive/import/services/index.ts'
import { fixture, utf8 } from './load.ts'

function claimants(name: string, bytes: Uint8Array): string[] {
  const sniff = sniffOf(name, bytes)
  return SERVICE_IMPORTERS.filter((i) => i.matches(sniff)).map((i) => i.id)
}

describe('SERVICE_IMPORTERS matching', () => {
  it.each([
    ['pocket.csv', 'pocket-csv'],
    ['ril_export.html', 'pocket-html'],
    ['instapaper.csv', 'instapaper-csv'],
    ['omnivore.json', 'omnivore-json'],
    ['wallabag-v1.json', 'wallabag-json'],
    ['wallabag-v2.json', 'wallabag-json'],
    ['readeck.csv', 'readeck-csv'],
    ['readwise.csv', 'readwise-csv'],
    ['readwise-import.csv', 'readwise-csv'],
    ['hypothesis.json', 'hypothesis-json'],
  ])('%s is claimed by %s alone', (file, id) => {
    expect(claimants(file, fixture(file))).toEqual([id])
  })

  it('claims the two zip exports by their first entry', () => {
    const pocket = zipSync({ 'part_000000.csv': utf8('title,url,time_added,tags,status\n') })
    const omnivore = zipSync({
      'metadata_0_to_2.json': fixture('omnivore-zip/metadata_0_to_2.json'),
    })
    expect(claimants('pocket.zip', pocket)).toEqual(['pocket-zip'])
    expect(claimants('omnivore.zip', omnivore)).toEqual(['omnivore-zip'])
  })

  it('claims a UTF-16 CSV export too', () => {
    const csv = '\uFEFFURL,Title,Selection,Folder\nhttps://example.com/x,X,,Unread\n'
    const bytes = new Uint8Array(Buffer.from(csv, 'utf16le'))
    expect(claimants('instapaper.csv', bytes)).toEqual(['instapaper-csv'])
  })

  it.each([
    ['contacts.csv', 'name,email,url\nAda,ada@example.com,https://example.com\n'],
    ['links.csv', 'url,title\nhttps://example.com,Example\n'],
    ['data.json', '[{"id":1,"title":"x","url":"https://example.com"}]'],
    ['bookmarks.json', '{"roots":{"bookmark_bar":{"children":[]}}}'],
    ['feed.xml', '<?xml version="1.0"?><rss><channel></channel></rss>'],
    ['page.html', '<!doctype html><title>News</title><h1>Unread</h1><a href="https://x">x</a>'],
    ['bookmarks.html', '<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><DT><A HREF="https://x">x</A></DL>'],
    ['notes.txt', 'title,url,time_added,tags,status\n'],
    ['empty.json', ''],
  ])('claims nothing for %s', (name, text) => {
    expect(claimants(name, utf8(text))).toEqual([])
  })

  it('claims no zip of other files', () => {
    expect(claimants('photos.zip', zipSync({ 'img/a.png': new Uint8Array([1, 2, 3]) }))).toEqual([])
  })
})
