// KOReader's sidecars are Lua (`return { ["title"] = "…", … }`). They are read as data:
// luaparse builds the syntax tree and only literals and table constructors are turned into
// values; anything else (a call, an operator, a variable) is refused, so nothing is executed.
import luaparse from 'luaparse'

export type LuaValue = string | number | boolean | null | LuaTable
export interface LuaTable {
  [key: string]: LuaValue
}

type Node = luaparse.Statement | luaparse.Expression

/** The value a `return { … }` file returns. Throws Error naming what it cannot read. */
export function readLuaReturn(source: string): LuaValue {
  const chunk = luaparse.parse(source, { comments: false, locations: false, luaVersion: '5.1' })
  const ret = chunk.body.find((s) => s.type === 'ReturnStatement')
  if (!ret || ret.type !== 'ReturnStatement' || ret.arguments.length !== 1) {
    throw new Error('it does not return one table')
  }
  return valueOf(ret.arguments[0]!, 0)
}

function valueOf(node: Node, depth: number): LuaValue {
  if (depth > 64) throw new Error('its tables nest too deeply')
  switch (node.type) {
    case 'StringLiteral': {
      // luaparse leaves `value` null without an encodingMode: the raw text is read here.
      const raw = node.raw
      const value = node.value as string | null
      return value ?? unquote(raw)
    }
    case 'NumericLiteral':
      return node.value
    case 'BooleanLiteral':
      return node.value
    case 'NilLiteral':
      return null
    case 'UnaryExpression':
      if (node.operator === '-' && node.argument.type === 'NumericLiteral')
        return -node.argument.value
      break
    case 'TableConstructorExpression': {
      const out: LuaTable = {}
      let n = 1
      for (const f of node.fields) {
        if (f.type === 'TableValue') out[String(n++)] = valueOf(f.value, depth + 1)
        else if (f.type === 'TableKeyString') out[f.key.name] = valueOf(f.value, depth + 1)
        else out[String(valueOf(f.key, depth + 1))] = valueOf(f.value, depth + 1)
      }
      return out
    }
  }
  throw new Error(`it holds code (${node.type}), not only data`)
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '"': '"',
  "'": "'",
  '\\': '\\',
  '\n': '\n',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
}

/** A Lua string literal's text: quotes off, escapes (\n, \", \ddd) read; UTF-8 bytes kept. */
function unquote(raw: string): string {
  if (raw.startsWith('[')) return raw.replace(/^\[(=*)\[\n?/, '').replace(/\](=*)\]$/, '')
  const body = raw.slice(1, -1)
  const bytes: number[] = []
  const enc = new TextEncoder()
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (c !== '\\') {
      bytes.push(...enc.encode(c))
      continue
    }
    const next = body[++i] ?? ''
    const digits = /^\d{1,3}/.exec(body.slice(i))
    if (digits) {
      bytes.push(Number(digits[0]) & 0xff)
      i += digits[0].length - 1
    } else bytes.push(...enc.encode(ESCAPES[next] ?? next))
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

export function isTable(v: LuaValue | undefined): v is LuaTable {
  return typeof v === 'object' && v !== null
}

/** A table's array part, in order ([1], [2], …), or its values by numeric key. */
export function listOf(v: LuaValue | undefined): LuaValue[] {
  if (!isTable(v)) return []
  return Object.keys(v)
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => v[k]!)
}
