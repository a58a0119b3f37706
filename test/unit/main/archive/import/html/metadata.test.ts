// Metadata precedence: JSON-LD over OpenGraph over plain meta; Dublin Core over OpenGraph for
// titles; unusable values (script URLs, impossible dates) skipped for the next source.
import { describe, expect, it } from 'vitest'
import { extractHtml } from '../../../../../../main/archive/import/html/extract-html.ts'
import { isoDate, languageTag } from '../../../../../../main/archive/import/html/metadata.ts'
import { fixture } from './fixtures.ts'

describe('page metadata', () => {
  it('prefers JSON-LD (inside @graph) over OpenGraph and meta tags', () => {
    const a = extractHtml(fixture('metadata-jsonld.html'))
    expect(a.title).toBe('Breakwater to be finished before autumn')
    expect(a.subtitle).toBe('Harbour works enter their last season')
    expect(a.authors).toEqual(['Ann Lee', 'Rui Costa'])
    expect(a.byline).toBe('Ann Lee, Rui Costa')
    expect(a.publishedAt).toBe('2024-05-14T09:30:00+02:00')
    expect(a.modifiedAt).toBe('2024-05-15T10:00:00+02:00')
    // og:site_name names the site; the JSON-LD publisher is only the fallback.
    expect(a.source).toBe('Coast Courier')
    expect(a.canonicalUrl).toBe('https://courier.example/news/breakwater')
    // <html lang> beats og:locale.
    expect(a.language).toBe('en-GB')
    expect(a.leadImage).toBe('https://courier.example/img/lead.jpg')
    expect(a.format).toBe('html')
  })

  it('falls back to OpenGraph, og:url, og:locale and the next usable image', () => {
    const a = extractHtml(fixture('metadata-og.html'))
    expect(a.title).toBe('Open Graph title')
    expect(a.authors).toEqual(['Maria Souza'])
    expect(a.source).toBe('Coast Courier')
    expect(a.canonicalUrl).toBe('https://courier.example/og-url')
    expect(a.language).toBe('pt-BR')
    expect(a.publishedAt).toBe('2023-11-02')
    expect(a.modifiedAt).toBeUndefined()
    // og:image is a javascript: URL: skipped for twitter:image.
    expect(a.leadImage).toBe('https://courier.example/twitter.jpg')
  })

  it('ranks Dublin Core above OpenGraph for the title and the author', () => {
    const a = extractHtml(fixture('metadata-dc.html'))
    expect(a.title).toBe('Dublin Core title')
    expect(a.authors).toEqual(['Karl Weber'])
    expect(a.language).toBe('de')
  })

  it('takes the title from Readability when the page has no metadata', () => {
    const html = `<html><head><title>Plain page title</title></head><body><article>${'<p>Some long enough paragraph of ordinary words for the reader to keep as text.</p>'.repeat(8)}</article></body></html>`
    const a = extractHtml(new TextEncoder().encode(html))
    expect(a.title).toBe('Plain page title')
    expect(a.authors).toEqual([])
    expect(a.canonicalUrl).toBeUndefined()
  })

  it('normalises dates and language tags, refusing nonsense', () => {
    expect(isoDate('2020-02-03T04:05:06+01:00')).toBe('2020-02-03T04:05:06+01:00')
    expect(isoDate('yesterday')).toBeUndefined()
    expect(isoDate('0001-01-01')).toBeUndefined()
    expect(languageTag('en_us')).toBe('en-US')
    expect(languageTag('EN')).toBe('en')
    expect(languageTag('fr-CA, en')).toBe('fr-CA')
    expect(languageTag('<script>')).toBeUndefined()
  })

  it('reads the address a browser noted when it saved the page', () => {
    const html = `<!DOCTYPE html>\n<!-- saved from url=(0036)https://news.example/2024/harbour -->\n<html><head><title>Saved</title></head><body><article>${'<p>Enough ordinary words in this paragraph for the reader to keep it as text. <a href="/about">About</a></p>'.repeat(6)}</article></body></html>`
    const a = extractHtml(new TextEncoder().encode(html))
    expect(a.url).toBe('https://news.example/2024/harbour')
    expect(a.bodyHtml).toContain('href="https://news.example/about"')
    const bad = html.replace('https://news.example/2024/harbour', 'javascript:alert(1)//')
    expect(extractHtml(new TextEncoder().encode(bad)).url).toBeUndefined()
  })
})

describe('a page no one signs', () => {
  const html = (head: string) =>
    new TextEncoder().encode(
      `<!doctype html><html><head>${head}</head><body><article><h1>Heat pumps explained</h1>` +
        `<p>${'A heat pump moves warmth from outside air into the house. '.repeat(8)}</p>` +
        `</article></body></html>`,
    )

  it('credits the publisher the page names as its organisation author', () => {
    const a = extractHtml(html('<meta property="og:site_name" content="Energy Advice Centre">'))
    expect(a.authors).toEqual([])
    expect(a.organizations).toEqual(['Energy Advice Centre'])
  })

  it('never makes a domain or a writer’s page into a publisher credit', () => {
    expect(
      extractHtml(html('<meta property="og:site_name" content="www.example.org">')).organizations,
    ).toEqual([])
    const signed = extractHtml(
      html(
        '<meta property="og:site_name" content="Energy Advice Centre"><meta name="author" content="Ann Lee">',
      ),
    )
    expect(signed.authors).toEqual(['Ann Lee'])
    expect(signed.organizations).toEqual([])
  })
})
