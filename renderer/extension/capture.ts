// The script injected into the tab at capture time: snapshots the page (page-snapshot.ts),
// fetches its images with the page's own session (its cookies, same as the page's <img>),
// and notes the selection, which becomes the capture's first highlight.
import type { CaptureRequest } from '../../shared/capture.ts'
import { MAX_CAPTURE_IMAGES } from '../../shared/capture-limits.ts'
import { snapshotDocument } from './page-snapshot.ts'

/** Larger images are left out: the archive's own cap is 20 MB an image. */
const MAX_IMAGE_BYTES = 15 * 1024 * 1024
const CONTEXT_CHARS = 40

export interface PageCapture {
  url: string
  title: string
  html: string
  images: CaptureRequest['images']
  /** Images the page's session could not fetch here (cross-origin without CORS). */
  missing: string[]
  selection?: NonNullable<CaptureRequest['selection']>
}

async function capturePage(): Promise<PageCapture> {
  const snapshot = snapshotDocument(document)
  const images: CaptureRequest['images'] = []
  const missing: string[] = []
  for (const url of snapshot.images.slice(0, MAX_CAPTURE_IMAGES)) {
    const data = await fetchImage(url)
    if (data) images.push({ url, data })
    else missing.push(url)
  }
  const selection = currentSelection()
  return {
    url: location.href,
    title: document.title,
    html: snapshot.html,
    images,
    missing,
    ...(selection ? { selection } : {}),
  }
}

async function fetchImage(url: string): Promise<string | null> {
  try {
    const res = await fetch(url, { credentials: 'include', cache: 'force-cache' })
    if (!res.ok) return null
    const blob = await res.blob()
    if (blob.size === 0 || blob.size > MAX_IMAGE_BYTES) return null
    return await base64(blob)
  } catch {
    return null
  }
}

export function base64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('could not read the image'))
    reader.readAsDataURL(blob)
  })
}

function currentSelection(): PageCapture['selection'] | undefined {
  const sel = getSelection()
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return undefined
  const exact = sel.toString().trim()
  if (!exact) return undefined
  const range = sel.getRangeAt(0)
  const before = document.createRange()
  before.setStart(document.body, 0)
  before.setEnd(range.startContainer, range.startOffset)
  const after = document.createRange()
  after.setStart(range.endContainer, range.endOffset)
  after.setEnd(document.body, document.body.childNodes.length)
  return {
    exact: exact.slice(0, 20_000),
    prefix: squash(before.toString()).slice(-CONTEXT_CHARS),
    suffix: squash(after.toString()).slice(0, CONTEXT_CHARS),
  }
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ')
}

;(globalThis as { __quireCapture?: () => Promise<PageCapture> }).__quireCapture = capturePage
