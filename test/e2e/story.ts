// What the wire-story fixture should look like once imported: the parts the reader shows and
// the exact paragraphs, with the dateline and the site's boilerplate taken out.
export const WIRE_STORY = {
  file: 'wire-story.txt',
  title: 'Harbour town turns old ferry terminal into a floating library',
  subtitle:
    'Residents of Port Ellery voted to keep the 1930s terminal, and volunteers have filled it with forty thousand donated books',
  byline: 'By Jane Doe and John Roe',
  dateline: 'LONDON (Reuters)',
  paragraphs: [
    "A disused ferry terminal on the south coast reopened on Saturday as a public library that floats, after three years of fundraising by the town's residents.",
    'The terminal, built in 1934 and closed to passengers in 2009, now holds about forty thousand books on shelves fixed to its old ticket hall, and a reading room that rises and falls with the tide.',
    '"People told us it was a ruin," said Margaret Hale, who chairs the volunteer group that ran the campaign. "We told them a ruin is just a building waiting for a reason."',
    'The council had planned to demolish the structure to make room for a car park, but withdrew the plan after more than four thousand people signed a petition in its first week.',
    'Engineers spent most of last winter sealing the hull of the pontoon beneath the hall, and the library will close on days when the harbour master expects waves above two metres.',
  ],
  boilerplate: ['Source: Reuters', 'This news has been read 12 times in total'],
} as const

export const LIBRARY_STORIES = [
  'library/night-trains.txt',
  'library/whale-songs.txt',
  'library/allotments.txt',
  'library/chess-laundrette.txt',
] as const
