// The write-ahead journal's writer. A commit is one append and one fdatasync of the newest
// segment: that is the moment a change is durable, whatever state the shard files are in.
// A checkpoint (the shards and quire.json fsynced) starts a new segment, so an open replays
// only the newest one; older segments are kept until a backup covers them, so a damaged
// shard can be rebuilt from that backup and the changes since (see rebuild.ts).
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { syncDirectory } from './atomic-write.ts'
import {
  encodeEntry,
  encodeLine,
  listSegments,
  readSegment,
  segmentName,
  type JournalEntry,
  type ReadSegment,
  type SegmentSince,
} from './journal-format.ts'

/** How the journal appends; tests inject a failing one to play out a full disk. */
export type JournalAppend = (handle: FileHandle, bytes: Buffer, position: number) => Promise<void>

const appendDurably: JournalAppend = async (handle, bytes, position) => {
  await handle.write(bytes, 0, bytes.length, position)
  await handle.datasync()
}

export interface JournalOpenOptions {
  /** Why the first segment starts, when there is none yet. */
  since: SegmentSince
  append?: JournalAppend
  now?: () => Date
}

export class Journal {
  readonly dir: string
  readonly #append: JournalAppend
  readonly #now: () => Date
  #handle: FileHandle
  #start: number
  #nextSeq: number
  #bytes: number
  /**
   * Set when a failed append could not be cut off the file: the line may be whole on disk
   * and would be replayed as a change that was reported as failed, so no more commits.
   */
  #broken: unknown = null

  private constructor(
    dir: string,
    handle: FileHandle,
    start: number,
    nextSeq: number,
    bytes: number,
    opts: JournalOpenOptions,
  ) {
    this.dir = dir
    this.#handle = handle
    this.#start = start
    this.#nextSeq = nextSeq
    this.#bytes = bytes
    this.#append = opts.append ?? appendDurably
    this.#now = opts.now ?? (() => new Date())
  }

  /**
   * Open the newest segment for appending (the writer only, under the lock). `newest` is
   * that segment as read on open; a torn last line is cut off first, so the next line
   * starts clean. Creates the first segment when there is none.
   */
  static async open(
    dir: string,
    newest: ReadSegment | null,
    opts: JournalOpenOptions,
  ): Promise<Journal> {
    await mkdir(dir, { recursive: true })
    if (!newest || !newest.header) {
      // Missing, or a header torn by a kill during a checkpoint: that segment held nothing.
      const start = newest?.start ?? 1
      const handle = await createSegment(dir, start, opts.since, (opts.now ?? now)())
      return new Journal(dir, handle, start, start, (await handle.stat()).size, opts)
    }
    const handle = await open(newest.path, 'r+')
    if (newest.tornTail) {
      await handle.truncate(newest.goodBytes)
      await handle.datasync()
    }
    const last = newest.entries.at(-1)
    const nextSeq = last ? last.seq + 1 : newest.header.start
    return new Journal(dir, handle, newest.start, nextSeq, newest.goodBytes, opts)
  }

  /** The seq the next commit gets. */
  get nextSeq(): number {
    return this.#nextSeq
  }

  /** Bytes in the newest segment: what an open would replay. */
  get segmentBytes(): number {
    return this.#bytes
  }

  /** Whether the newest segment holds any change (a checkpoint would have work to do). */
  get hasChanges(): boolean {
    return this.#nextSeq > this.#start
  }

  /** Append one change and make it durable. Throws the fs error (ENOSPC…) when it is not. */
  async commit(change: Omit<JournalEntry, 'seq' | 'at'>): Promise<JournalEntry> {
    const entry: JournalEntry = { seq: this.#nextSeq, at: this.#now().toISOString(), ...change }
    const line = encodeEntry(entry)
    if (this.#broken) throw this.#broken
    try {
      // At the end of the last good line: whatever a failed append left beyond it is
      // written over, or cut off below.
      await this.#append(this.#handle, line, this.#bytes)
    } catch (err) {
      try {
        await this.#handle.truncate(this.#bytes)
        await this.#handle.datasync()
      } catch {
        this.#broken = err
      }
      throw err
    }
    this.#bytes += line.length
    this.#nextSeq++
    return entry
  }

  /**
   * Start a new segment. Call only once every change so far is durable in the shard files
   * and quire.json (a checkpoint): an open replays the newest segment alone.
   */
  async rotate(since: SegmentSince): Promise<void> {
    const handle = await createSegment(this.dir, this.#nextSeq, since, this.#now())
    await this.#handle.close().catch(() => {})
    this.#handle = handle
    this.#start = this.#nextSeq
    this.#bytes = (await handle.stat()).size
  }

  /** Remove segments whose changes all precede `seq` (a sealed backup holds them). */
  async dropBefore(seq: number): Promise<void> {
    const segments = await listSegments(this.dir)
    for (let i = 0; i + 1 < segments.length; i++) {
      // A segment ends where the next begins.
      if (segments[i + 1]!.start <= seq && segments[i]!.start !== this.#start) {
        await rm(segments[i]!.path, { force: true })
      }
    }
    await syncDirectory(this.dir)
  }

  async close(): Promise<void> {
    await this.#handle.close().catch(() => {})
  }
}

function now(): Date {
  return new Date()
}

async function createSegment(
  dir: string,
  start: number,
  since: SegmentSince,
  at: Date,
): Promise<FileHandle> {
  const path = join(dir, segmentName(start))
  // 'w', not 'wx': a segment of this name can only be an empty or torn one from a kill.
  const handle = await open(path, 'w')
  try {
    await handle.write(encodeLine({ journal: 1, start, since, at: at.toISOString() }))
    await handle.sync()
  } catch (err) {
    await handle.close().catch(() => {})
    throw err
  }
  await syncDirectory(dir)
  return handle
}

/** The newest segment, read; null when there is none. */
export async function readNewestSegment(dir: string): Promise<ReadSegment | null> {
  const segments = await listSegments(dir)
  for (let i = segments.length - 1; i >= 0; i--) {
    const read = await readSegment(segments[i]!)
    if (read) return read
  }
  return null
}
