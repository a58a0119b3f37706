// Which browser extensions may deliver captures: one-time pairing codes the app shows, and
// the extensions paired with them (their origin and a hash of their token), kept in a file
// in Quire's config folder so a pairing outlives a restart (the queue delivers after one).
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as z from 'zod'
import { writeFileAtomic } from '../../archive/store/atomic-write.ts'
import { normalisePairingCode } from '../../../shared/capture.ts'

/** A code is good for this long after the dialog shows it. */
const CODE_LIFETIME_MS = 10 * 60 * 1000
/** Wrong guesses before the code shown is void (another extension guessing it). */
const MAX_WRONG_GUESSES = 5
/** No 0/O, 1/I/L: read off a screen and typed by hand. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const CODE_LENGTH = 8

const PairingSchema = z.object({
  origin: z.string(),
  tokenHash: z.string(),
  name: z.string(),
  pairedAt: z.string(),
})
const FileSchema = z.object({ version: z.literal(1), pairings: z.array(PairingSchema) })
export type Pairing = z.infer<typeof PairingSchema>

/** chrome-extension://<32 letters a-p>, moz-extension://<uuid>: an extension's own origin. */
const EXTENSION_ORIGIN =
  /^(?:chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/

export function isExtensionOrigin(origin: string | undefined): origin is string {
  return origin !== undefined && EXTENSION_ORIGIN.test(origin)
}

export class PairingRefused extends Error {}

export class Pairings {
  #pairings: Pairing[] = []
  #code: { value: string; expires: number; wrong: number } | null = null
  readonly #file: string

  private constructor(file: string) {
    this.#file = file
  }

  /** Reads the pairings file; a missing one is no pairing, a damaged one is kept aside. */
  static async open(configDir: string): Promise<Pairings> {
    const store = new Pairings(join(configDir, 'capture-pairings.json'))
    let text: string | null = null
    try {
      text = await readFile(store.#file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
    if (text !== null) {
      const parsed = FileSchema.safeParse(safeJson(text))
      // Unreadable: no extension is trusted until paired again (safe, and said once).
      if (parsed.success) store.#pairings = parsed.data.pairings
      else console.error(`${store.#file} could not be read; pair the browser extension again.`)
    }
    return store
  }

  get count(): number {
    return this.#pairings.length
  }

  /** A new one-time code (the previous one stops working), for the pairing dialog. */
  newCode(now = Date.now()): { code: string; expiresAt: string } {
    let value = ''
    for (let i = 0; i < CODE_LENGTH; i++) value += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
    this.#code = { value, expires: now + CODE_LIFETIME_MS, wrong: 0 }
    return {
      code: `${value.slice(0, 4)}-${value.slice(4)}`,
      expiresAt: new Date(this.#code.expires).toISOString(),
    }
  }

  /**
   * Pairs the extension at `origin` if `code` is the one shown: returns its token (told to it
   * once, stored here only as a hash). Throws PairingRefused with the reason otherwise.
   */
  async pair(origin: string, code: string, name: string, now = Date.now()): Promise<string> {
    if (!isExtensionOrigin(origin)) throw new PairingRefused('only a browser extension may pair')
    const shown = this.#code
    if (!shown || now > shown.expires)
      throw new PairingRefused('no pairing code is open: show one in Quire (Settings)')
    if (!same(normalisePairingCode(code), shown.value)) {
      if (++shown.wrong >= MAX_WRONG_GUESSES) this.#code = null
      throw new PairingRefused('that is not the code Quire shows')
    }
    this.#code = null
    const token = randomBytes(32).toString('base64url')
    // One pairing per extension: pairing again replaces its token.
    this.#pairings = [
      ...this.#pairings.filter((p) => p.origin !== origin),
      { origin, tokenHash: hash(token), name, pairedAt: new Date(now).toISOString() },
    ]
    await this.#save()
    return token
  }

  /** True when `origin` is paired and `token` is its token. */
  isPaired(origin: string | undefined, token: string | undefined): boolean {
    if (!origin || !token) return false
    const pairing = this.#pairings.find((p) => p.origin === origin)
    return pairing !== undefined && same(hash(token), pairing.tokenHash)
  }

  async #save(): Promise<void> {
    await mkdir(join(this.#file, '..'), { recursive: true })
    const data: z.infer<typeof FileSchema> = { version: 1, pairings: this.#pairings }
    await writeFileAtomic(this.#file, JSON.stringify(data, null, 2))
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Constant-time comparison, so timing says nothing about the secret. */
function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
