// The fixed search query set of the benchmark, over the synthetic Zipf vocabulary
// (synthetic-archive.ts), by frequency rank: ranks 5 and 30 are in nearly every article
// (stop-word searches), rank 300 in about a fifth, rank 3,000 in about 1%. Users mostly
// search content words, phrases and filters; the bench prints each query's hit count.
import { word } from './synthetic-archive.ts'

const w = word

export const QUERY_SET = [
  w(5),
  w(30),
  w(300),
  w(1000),
  w(3000),
  w(4500),
  w(700).slice(0, -1), // a prefix
  `${w(400)} ${w(900)}`,
  `${w(1200)} ${w(2400)} ${w(3600)}`,
  `"${w(12)} ${w(40)}"`,
  `"${w(200)} ${w(300)}"`,
  `${w(800)} OR ${w(1600)}`,
  `${w(500)} -${w(600)}`,
  `${w(900)} tag:politics`,
  `${w(1100)} is:unread`,
  `${w(1300)} source:reuters`,
  `${w(1500)} after:2020-01-03`,
  `${w(2000)} words:>500`,
  'tag:region is:favorite',
  `${w(2500)} -tag:tech`,
]
