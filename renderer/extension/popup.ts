// The toolbar popup. Opening it saves the page at once (one click), then offers tags (with
// the archive's own as suggestions) and a note; it says when the page is already in the
// archive, what waits for Quire, and pairs the extension when it is not paired yet.
import type { CaptureResult } from '../../shared/capture.ts'
import type { Message, QueueState } from './messages.ts'
import { callQuire } from './quire-client.ts'
import { connection, DEFAULT_ADDRESS, isLoopbackAddress, savePairing } from './settings.ts'

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T

function send<T>(message: Message): Promise<T> {
  return chrome.runtime.sendMessage(message) as Promise<T>
}

function setStatus(id: string, text: string, tone: 'ok' | 'warn' | 'error' | '' = '') {
  const el = $(id)
  el.textContent = text
  el.className = `status${tone ? ` ${tone}` : ''}`
}

async function targetTab(): Promise<chrome.tabs.Tab | undefined> {
  // ?tab=N: the popup opened as a page for a given tab (tests, screenshots).
  const param = new URLSearchParams(location.search).get('tab')
  if (param) return chrome.tabs.get(Number(param))
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true })
  return tab
}

async function main(): Promise<void> {
  const conn = await connection()
  ;($('address') as HTMLInputElement).value = conn.address
  void showQueue()
  if (!conn.token) {
    showPairing()
    return
  }
  const tab = await targetTab()
  $('repair').hidden = false
  $('capture').hidden = false
  if (tab?.id === undefined || !tab.url || !/^https?:/i.test(tab.url)) {
    setStatus('capture-status', 'Only web pages can be saved.', 'warn')
    $('amend-form').hidden = true
    return
  }
  void suggestTags()
  const found = await send<{ id: string; title: string } | null>({ type: 'lookup', tabId: tab.id })
  if (found) showInArchive(found, 'Already in your archive')
  if (new URLSearchParams(location.search).get('capture') === '0') {
    setStatus('capture-status', found ? 'In your archive.' : 'Not saved yet.', found ? 'ok' : '')
    $('amend-form').hidden = true
    return
  }
  await capture(tab.id)
}

async function capture(tabId: number): Promise<void> {
  setStatus('capture-status', 'Saving…')
  const got = await send<{ key: string; title: string } | { error: string }>({
    type: 'capture',
    tabId,
  })
  if ('error' in got) {
    setStatus('capture-status', got.error, 'error')
    $('amend-form').hidden = true
    return
  }
  const form = $('amend-form')
  form.dataset.key = got.key
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    void amend(got.key)
  })
  const queue = await showQueue()
  const delivered = queue.delivered.find((d) => d.key === got.key)
  const failed = queue.failed.find((f) => f.key === got.key)
  if (delivered && 'status' in delivered.result) {
    const r = delivered.result as CaptureResult
    const said = {
      imported: 'Saved to Quire.',
      version: 'Saved as a new version.',
      duplicate: 'Already saved; nothing new.',
    }[r.status]
    setStatus('capture-status', said, 'ok')
    showInArchive(r, 'In your archive')
  } else if (failed) {
    setStatus('capture-status', `Not saved: ${failed.reason}`, 'error')
  } else {
    setStatus(
      'capture-status',
      queue.state === 'unpaired'
        ? 'Kept here: pair with Quire to deliver it.'
        : 'Quire is not running: kept here, and delivered when it runs.',
      'warn',
    )
  }
}

function showInArchive(found: { id: string; title: string }, label: string): void {
  $('in-archive').hidden = false
  $('in-archive-text').textContent = `${label}: ${found.title}`
  const link = $('open-link')
  link.onclick = (e) => {
    e.preventDefault()
    void send<{ ok: boolean; message?: string }>({ type: 'open', id: found.id }).then((r) => {
      if (!r.ok) setStatus('capture-status', r.message ?? 'Quire could not open it.', 'error')
    })
  }
}

async function amend(key: string): Promise<void> {
  const tags = ($('tags') as HTMLInputElement).value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  const note = ($('note') as HTMLTextAreaElement).value
  if (!tags.length && !note.trim()) return
  ;($('amend-button') as HTMLButtonElement).disabled = true
  await send({ type: 'amend', capture: key, tags, note })
  const queue = await showQueue()
  const waiting = queue.waiting.length > 0
  setStatus(
    'capture-status',
    waiting ? 'Tags and note kept for delivery.' : 'Tags and note added.',
    waiting ? 'warn' : 'ok',
  )
  ;($('amend-button') as HTMLButtonElement).disabled = false
}

async function suggestTags(): Promise<void> {
  const out = await callQuire<{ tags: string[] }>(await connection(), 'tags', {})
  const cached = await chrome.storage.local.get('tagSuggestions')
  const tags =
    out.kind === 'ok'
      ? out.value.tags
      : Array.isArray(cached.tagSuggestions)
        ? (cached.tagSuggestions as string[])
        : []
  if (out.kind === 'ok') await chrome.storage.local.set({ tagSuggestions: tags })
  const list = $('tag-suggestions')
  const chips = $('tag-chips')
  list.replaceChildren(
    ...tags.map((t) => Object.assign(document.createElement('option'), { value: t })),
  )
  chips.replaceChildren(
    ...tags.slice(0, 8).map((t) => {
      const b = document.createElement('button')
      b.type = 'button'
      b.textContent = t
      b.addEventListener('click', () => addTag(t))
      return b
    }),
  )
}

function addTag(tag: string): void {
  const input = $('tags') as HTMLInputElement
  const have = input.value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  if (!have.includes(tag)) input.value = [...have, tag].join(', ')
}

async function showQueue(): Promise<QueueState> {
  const queue = await send<QueueState>({ type: 'queue' })
  $('queue').hidden = queue.waiting.length === 0
  $('queue-hint').textContent =
    queue.state === 'unpaired'
      ? 'Pair with Quire to deliver these.'
      : 'Delivered in this order when Quire runs.'
  $('queue-list').replaceChildren(
    ...queue.waiting.map((w) => {
      const li = document.createElement('li')
      li.textContent = w.title
      li.title = w.url
      return li
    }),
  )
  const failed = queue.failed.slice(-3)
  $('failed').hidden = failed.length === 0
  $('failed-list').replaceChildren(
    ...failed.map((f) => {
      const li = document.createElement('li')
      li.textContent = `${f.title}: ${f.reason}`
      return li
    }),
  )
  return queue
}

function showPairing(): void {
  $('pairing').hidden = false
  $('capture').hidden = true
  $('repair').hidden = true
  $('code').focus()
}

async function pair(): Promise<void> {
  const code = ($('code') as HTMLInputElement).value
  const address = ($('address') as HTMLInputElement).value.trim() || DEFAULT_ADDRESS
  if (!isLoopbackAddress(address)) {
    setStatus('pair-status', 'Quire listens on this computer only (http://127.0.0.1:…).', 'error')
    return
  }
  setStatus('pair-status', 'Pairing…')
  const out = await callQuire<{ token: string }>({ address, token: null }, 'pair', {
    code,
    name: navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chromium',
  })
  if (out.kind === 'ok') {
    await savePairing(address, out.value.token)
    setStatus('pair-status', 'Paired. Captures go to Quire now.', 'ok')
    $('pairing').hidden = true
    await showQueue()
    await main()
    return
  }
  setStatus(
    'pair-status',
    out.kind === 'offline' ? `Quire is not running at ${address}.` : out.message,
    'error',
  )
}

$('repair').addEventListener('click', () => showPairing())
$('pair-form').addEventListener('submit', (e) => {
  e.preventDefault()
  void pair()
})
void main()
