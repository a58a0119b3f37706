// Credits to people and organisations, and titles without the site's name.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanCredits, isOrganization } from '../../../../../../shared/credits.ts'
import { stripSiteAffixes } from '../../../../../../main/archive/import/metadata/clean-title.ts'
import { siteNameFromUrl } from '../../../../../../main/archive/import/metadata/site-name.ts'

describe('credits', () => {
  it('splits several people and drops "By", roles, dates and share buttons', () => {
    expect(cleanCredits(['By Ann Lee and Rui Costa']).people).toEqual(['Ann Lee', 'Rui Costa'])
    expect(cleanCredits(['Von Karl Weber und Eva Roth']).people).toEqual(['Karl Weber', 'Eva Roth'])
    expect(cleanCredits(['Ann Lee, Staff Writer']).people).toEqual(['Ann Lee'])
    expect(cleanCredits(['Ann Lee | 12. März 2024, 10:30']).people).toEqual(['Ann Lee'])
    expect(cleanCredits(['Link Copied']).people).toEqual([])
    expect(cleanCredits(['Post author By Helge Example']).people).toEqual(['Helge Example'])
    expect(cleanCredits(['Zeige alle Beiträge von Petra Muster →']).people).toEqual([
      'Petra Muster',
    ])
  })

  it('puts "Last, First" back in order and keeps "Ann Lee, Rui Costa" two people', () => {
    expect(cleanCredits(['Lee, Ann']).people).toEqual(['Ann Lee'])
    expect(cleanCredits(['Ann Lee, Rui Costa']).people).toEqual(['Ann Lee', 'Rui Costa'])
  })

  it('never takes an address, an e-mail or the publisher for a person', () => {
    expect(cleanCredits(['https://facebook.com/someone', 'ann@example.org']).people).toEqual([])
    const c = cleanCredits(['ABC News', 'Reuters', 'Coast Courier', 'Ann Lee'], {
      siteNames: ['Coast Courier'],
    })
    expect(c.people).toEqual(['Ann Lee'])
    expect(c.organizations).toEqual(['ABC News', 'Reuters', 'Coast Courier'])
    expect(isOrganization('Condé Nast Verlag')).toBe(true)
    expect(isOrganization('dpa')).toBe(true)
    expect(isOrganization('Ann Lee')).toBe(false)
  })

  it('drops "Text & Fotos:" before a name', () => {
    expect(cleanCredits(['Text & Fotos: Ivan Muster']).people).toEqual(['Ivan Muster'])
  })

  it('files one word of the site’s name as the site, never a blogger’s own name', () => {
    const sites = { siteNames: ['Google Online Security Blog'] }
    expect(cleanCredits(['Google'], sites).organizations).toEqual(['Google'])
    expect(cleanCredits(['Wolfgang Muster'], { siteNames: ['wolfgangmuster.de'] }).people).toEqual([
      'Wolfgang Muster',
    ])
  })

  it('drops a capitalised label glued to the name', () => {
    expect(cleanCredits(['SHOW ALL ARTICLES OFHeiko Muster']).people).toEqual(['Heiko Muster'])
  })

  it('files German compound names of associations, schools and magazines as organisations', () => {
    expect(isOrganization('Deutscher Handballbund')).toBe(true)
    expect(isOrganization('Berufsschule Siegfried Muster')).toBe(true)
    expect(isOrganization('Versicherungsmagazin')).toBe(true)
    expect(isOrganization('Hans Kammer')).toBe(false)
  })

  it('never throws and never returns markup or an empty name', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 120 }), { maxLength: 5 }), (list) => {
        const c = cleanCredits(list)
        for (const n of [...c.people, ...c.organizations]) {
          expect(n.trim()).not.toBe('')
          expect(n).not.toMatch(/[<>]/)
        }
      }),
    )
  })

  it('keeps name particles and drops what cannot be a name', () => {
    expect(cleanCredits(['Walter von Aachen']).people).toEqual(['Walter von Aachen'])
    expect(cleanCredits(['Erstellt von Jana Beispiel']).people).toEqual(['Jana Beispiel'])
    expect(cleanCredits(['1']).people).toEqual([])
    expect(cleanCredits(['deinen Lieblingsbloggern']).people).toEqual([])
    expect(cleanCredits(['Ana de Souza']).people).toEqual(['Ana de Souza'])
  })

  it('files newspapers named by their compound words as organisations', () => {
    expect(cleanCredits(['OÖ Musterblatt']).organizations).toEqual(['OÖ Musterblatt'])
    expect(cleanCredits(['Auto Illustrierte']).organizations).toEqual(['Auto Illustrierte'])
    expect(cleanCredits(['Rechtsanwalt Max Beispiel']).people).toEqual(['Max Beispiel'])
  })
})

describe('titles', () => {
  it('drops the site’s name at either end, Reddit prefixes and "(Published 2016)"', () => {
    expect(stripSiteAffixes('Senate passes the bill | CNN Politics', ['CNN Politics'])).toBe(
      'Senate passes the bill',
    )
    expect(stripSiteAffixes('r/Showerthoughts - Clocks are round', [])).toBe('Clocks are round')
    expect(stripSiteAffixes('The Big Storm (Published 2016)', [])).toBe('The Big Storm')
    expect(stripSiteAffixes('Coast Courier – Breakwater done', ['courier.example'])).toBe(
      'Breakwater done',
    )
    expect(stripSiteAffixes('Rust: the language - a tour', [])).toBe('Rust: the language - a tour')
  })

  it('names a site by its address’s host without www', () => {
    expect(siteNameFromUrl('https://www.theguardian.com/world/x')).toBe('theguardian.com')
    expect(siteNameFromUrl('file:///home/me/149.txt')).toBeUndefined()
    expect(siteNameFromUrl('not an address')).toBeUndefined()
  })
})
