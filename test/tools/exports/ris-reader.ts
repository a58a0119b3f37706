// A strict RIS reader, to the RIS format specification: every line `XX  - value` (two
// characters, A–Z then A–Z or 0–9, two spaces, a hyphen, a space), a record opens with TY
// and closes with `ER  - `, only the spec's tags, types from its list, dates in its forms.
// Anything else is an error with its line number; nothing is guessed.

/** Reference types of the RIS specification. */
const TYPES = new Set(
  (
    'ABST ADVS AGGR ANCIENT ART BILL BLOG BOOK CASE CHAP CHART CLSWK COMP CONF CPAPER CTLG DATA ' +
    'DBASE DICT EBOOK ECHAP EDBOOK EJOUR ELEC ENCYC EQUA FIGURE GEN GOVDOC GRANT HEAR ICOMM ' +
    'INPR JFULL JOUR LEGAL MANSCPT MAP MGZN MPCT MULTI MUSIC NEWS PAMP PAT PCOMM RPRT SER ' +
    'SLIDE SOUND STAND STAT THES UNBILL UNPB VIDEO'
  ).split(' '),
)
/** Tags of the RIS specification (Research Information Systems, 2011 revision). */
const TAGS = new Set(
  (
    'TY A1 A2 A3 A4 AB AD AN AU AV BT C1 C2 C3 C4 C5 C6 C7 C8 CA CN CP CT CY DA DB DO DP ED EP ' +
    'ET ID IS J1 J2 JA JF JO KW L1 L2 L3 L4 LA LB LK M1 M2 M3 N1 N2 NV OP PB PP PY RI RN RP SE ' +
    'SN SP ST T1 T2 T3 TA TI TT U1 U2 U3 U4 U5 UR VL VO Y1 Y2 ER'
  ).split(' '),
)
const LINE = /^([A-Z][A-Z0-9]) {2}- (.*)$/
/** PY: four digits. DA, Y2: YYYY/MM/DD/other, parts optional after the year. */
const YEAR = /^\d{4}$/
const DATE = /^\d{4}(\/(\d{2})?(\/(\d{2})?(\/[^\r\n]*)?)?)?$/

export interface RisRecord {
  type: string
  fields: Map<string, string[]>
}

/** Parse `text`; throws an Error naming the line on the first departure from the spec. */
export function readRisStrict(text: string): RisRecord[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (/[^\r]\n|^\n/.test(text)) throw new Error('line 1: lines must end with CRLF')
  const lines = text.split('\r\n')
  if (lines.at(-1) === '') lines.pop()
  const records: RisRecord[] = []
  let current: RisRecord | null = null
  lines.forEach((line, i) => {
    const where = `line ${i + 1}`
    if (line === '' && current === null) return // blank lines between records
    const m = LINE.exec(line)
    if (!m) throw new Error(`${where}: not "XX  - value": ${JSON.stringify(line.slice(0, 60))}`)
    const [, tag, value] = m as unknown as [string, string, string]
    if (!TAGS.has(tag)) throw new Error(`${where}: ${tag} is not a RIS tag`)
    if (tag === 'TY') {
      if (current) throw new Error(`${where}: TY before the previous record's ER`)
      if (!TYPES.has(value)) throw new Error(`${where}: ${value} is not a RIS type`)
      current = { type: value, fields: new Map() }
      return
    }
    if (!current) throw new Error(`${where}: ${tag} outside a record (no TY)`)
    if (tag === 'ER') {
      if (value !== '') throw new Error(`${where}: ER carries a value`)
      records.push(current)
      current = null
      return
    }
    if (value.trim() === '') throw new Error(`${where}: ${tag} is empty`)
    if (value !== value.trim()) throw new Error(`${where}: ${tag} has spaces around its value`)
    if (tag === 'PY' && !YEAR.test(value)) throw new Error(`${where}: PY ${value} is not YYYY`)
    if ((tag === 'DA' || tag === 'Y2') && !DATE.test(value)) {
      throw new Error(`${where}: ${tag} ${value} is not YYYY/MM/DD/`)
    }
    const list = current.fields.get(tag) ?? []
    list.push(value)
    current.fields.set(tag, list)
  })
  if (current) throw new Error('the last record has no ER')
  return records
}
