// Tests for isBoilerplate and trimTrailingBoilerplate: site furniture goes, article sentences stay.
import { describe, expect, it } from 'vitest'
import {
  isBoilerplate,
  trimTrailingBoilerplate,
} from '../../../../../../main/archive/import/text/boilerplate.ts'

describe('isBoilerplate: furniture', () => {
  it.each([
    'Kaynak:',
    'Source:',
    'Sources: AP',
    'Source: Reuters, AFP',
    'Quelle: dpa',
    'Fuente:',
    'Fonte: Agência Brasil',
    'This news has been read 140 times in total',
    'This article has been viewed 12,345 times',
    'Bu haber 140 kez okundu',
    '1,234 views',
    'Views: 1,234',
    'Dieser Artikel wurde 1.234-mal gelesen',
    'Türkçe karakter kullanılmayan ve büyük harflerle yazılmış yorumlar onaylanmamaktadır.',
    'Comments are moderated and will not be published until approved.',
    'Kommentare werden vor der Veröffentlichung moderiert.',
    'Les commentaires sont modérés avant publication.',
    'Los comentarios están sujetos a moderación.',
    'Please read our comment policy before posting.',
    'Comments are closed.',
    'Share this article',
    'Share on Facebook',
    'Follow us on Twitter',
    'Subscribe to our newsletter',
    'Click here to read the full report',
    'Related:',
    'Related articles: Ferry fares rise',
    'Read more: Harbour plans',
    'Advertisement',
    'Facebook Twitter WhatsApp Email',
    '© 2024 Anadolu Agency',
    '(c) 2024 Harbour Wire',
    'Copyright 2024 Harbour Wire. All rights reserved.',
    'Copyright Harbour Wire Agency',
    'All rights reserved.',
    'Tüm hakları saklıdır.',
  ])('%s', (line) => {
    expect(isBoilerplate(line)).toBe(true)
  })
})

describe('isBoilerplate: article text', () => {
  it.each([
    'Officials declined to comment on whether the report would be published.',
    'The minister said the comments were approved by the cabinet on Friday.',
    'But calls for a change in policy have fallen on deaf ears, despite recent comments in a major newspaper.',
    'A source close to the talks said a deal was near.',
    'Sources say the deal is close.',
    'Source: the ministry expects talks to resume on Monday.',
    'Subscribers to the service will get a refund.',
    'Copyright lawyers said the ruling would be appealed.',
    'The book was read by millions of children.',
    'Share prices rose 3% on the news.',
  ])('%s', (line) => {
    expect(isBoilerplate(line)).toBe(false)
  })

  it('keeps a long last paragraph about comments being moderated and published', () => {
    const paragraph =
      'Ministers have promised that the new rules will not stop comments being published on ' +
      'public consultations, and that comments will only be moderated when they break the law, ' +
      'a commitment that campaigners welcomed but said they would watch closely as the bill ' +
      'goes through parliament over the coming months, with a final vote expected in the autumn.'
    expect(paragraph.length).toBeGreaterThan(300)
    expect(isBoilerplate(paragraph)).toBe(false)
  })
})

describe('trimTrailingBoilerplate', () => {
  it('removes furniture only from the end, walking back while it matches', () => {
    const paragraphs = [
      'First paragraph.',
      'Source: Reuters',
      'Last real paragraph.',
      'Kaynak:',
      'This news has been read 140 times in total',
      'Share this article',
    ]
    expect(trimTrailingBoilerplate(paragraphs)).toEqual([
      'First paragraph.',
      'Source: Reuters',
      'Last real paragraph.',
    ])
  })

  it('never removes the first paragraph', () => {
    expect(trimTrailingBoilerplate(['Advertisement', 'Share this article'])).toEqual([
      'Advertisement',
    ])
  })

  it('leaves a body without furniture alone', () => {
    const paragraphs = ['One.', 'Two.']
    expect(trimTrailingBoilerplate(paragraphs)).toEqual(['One.', 'Two.'])
  })
})
