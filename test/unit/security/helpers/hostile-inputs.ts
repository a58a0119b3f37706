// fast-check arbitraries for what a compromised renderer or a hostile page could send:
// arbitrary values, and valid inputs bent out of shape (wrong types, extra and prototype
// keys, huge strings, path-like strings, ids that are not ids, deep nesting).
import fc from 'fast-check'

export const PATH_LIKE = [
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'C:\\Windows\\System32',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'file:///etc/passwd',
  '\\\\server\\share\\x',
  'a/../../b',
  'con',
  'name\u0000.txt',
  '.quire.lock',
  'catalog/00.json',
]

export const BAD_IDS = [
  '',
  ' ',
  'ffffffffffffffff',
  '0000000000000000',
  'FFFFFFFFFFFFFFFF',
  '0123456789abcdeg',
  '0123456789abcdef0',
  '0123456789abcde',
  '0123456789abcdef\n',
  '0123456789abcdef/../x',
]

export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype']

/** Set on prototype keys: if it ever lands on Object.prototype, the tests see `polluted`. */
export function polluter(): Record<string, unknown> {
  return { polluted: 'yes', toString: 'polluted' }
}

/** Nested arrays deeper than any recursive validator should walk by recursion. */
export function deepNest(depth: number): unknown {
  let v: unknown = 'bottom'
  for (let i = 0; i < depth; i++) v = [v]
  return v
}

/** A new object per draw, so a later mutation never edits a value shared between runs. */
function fresh(make: () => unknown): fc.Arbitrary<unknown> {
  return fc.constant(null).map(make)
}

/** Values of every shape the two transports can carry (JSON, structured clone). */
export const anyValue: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
})

const hugeString = fc
  .constantFrom(10_001, 100_001, 2_000_001)
  .chain((n) => fc.constantFrom('x', '\u0000', '../', '😀').map((s) => s.repeat(n)))

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...PATH_LIKE, ...BAD_IDS),
  fc.constantFrom<unknown>(null, undefined, NaN, Infinity, -1, -0, 2 ** 53, 1.5, true),
  fresh(() => []),
  fresh(() => ({})),
  fresh(polluter),
  fresh(() => Object.assign(Object.create(null) as object, { polluted: 'yes' })),
  fresh(() => deepNest(20_000)),
  hugeString,
  fc.jsonValue({ maxDepth: 3 }),
  anyValue,
)

type Path = (string | number)[]

/** Paths inside a JSON-like value (objects and arrays, 8 levels down), the root included. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix]
  if (prefix.length >= 8) return out
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])))
  else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]))
  }
  return out
}

/** One change to a valid input, applied to a deep copy. */
export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'extra-key'; at: number; key: string; value: unknown }
  | { kind: 'drop'; at: number }

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
  fc.record({
    kind: fc.constant('extra-key' as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom(...POLLUTION_KEYS, 'toString', 'valueOf'), fc.string()),
    value: hostileValue,
  }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
)

/** Applies mutations one after the other; each picks its target among the current paths. */
export function mutate(valid: unknown, mutations: Mutation[]): unknown {
  let root = structuredClone(valid)
  for (const m of mutations) {
    const paths = pathsOf(root)
    const path = paths[m.at % paths.length] ?? []
    if (m.kind === 'replace') root = setAt(root, path, m.value)
    else if (m.kind === 'drop') root = path.length === 0 ? undefined : dropAt(root, path)
    else {
      const target = getAt(root, path)
      // An own key, even for `__proto__` (plain assignment would set the prototype instead).
      if (isPlainObject(target)) defineOwn(target, m.key, m.value)
    }
  }
  return root
}

/** Only JSON-like objects: typed arrays, maps and null-prototype objects are left whole. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype
}

function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}

function getAt(root: unknown, path: Path): unknown {
  let cur = root
  for (const k of path) cur = (cur as Record<string | number, unknown>)[k]
  return cur
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value
  const parent = getAt(root, path.slice(0, -1)) as object
  defineOwn(parent, String(path.at(-1)), value)
  return root
}

function dropAt(root: unknown, path: Path): unknown {
  const parent = getAt(root, path.slice(0, -1))
  const key = path.at(-1) as string | number
  if (Array.isArray(parent)) parent.splice(Number(key), 1)
  else delete (parent as Record<string, unknown>)[key]
  return root
}
