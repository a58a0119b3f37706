// The extension's service worker: captures a tab (toolbar popup, context menu, keyboard
// shortcut), queues it, delivers the queue in order to the running Quire, and keeps the
// toolbar badge saying whether the tab's page is already in the archive.
import type { CaptureRequest, CaptureResult } from '../../shared/capture.ts'
import type { PageCapture } from './capture.ts'
import { fetchMissingImages } from './missing-images.ts'
import { callQuire } from './quire-client.ts'
import * as queue from './queue.ts'
import { connection } from './settings.ts'
import type { Message, QueueState } from './messages.ts'

/** How often a waiting queue tries again (Chromium's shortest alarm is 30 s). */
const RETRY_MINUTES = 0.5

let state: QueueState['state'] = 'idle'
let lastProblem = ''

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({ id: 'save-page', title: 'Save page to Quire', contexts: ['page'] })
    chrome.contextMenus.create({
      id: 'save-selection',
      title: 'Save to Quire with this highlight',
      contexts: ['selection'],
    })
  })
  void deliver()
})
chrome.runtime.onStartup.addListener(() => void deliver())
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === 'deliver') void deliver()
})
chrome.contextMenus.onClicked.addListener((_info, tab) => {
  if (tab?.id !== undefined) void captureTab(tab.id)
})
chrome.commands.onCommand.addListener((command, tab) => {
  if (command === 'save-page' && tab?.id !== undefined) void captureTab(tab.id)
})
chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.status === 'complete' && tab.url) void updateBadge(tabId, tab.url)
})
chrome.tabs.onActivated.addListener(({ tabId }) => {
  chrome.tabs.get(tabId, (tab) => {
    if (tab.url) void updateBadge(tabId, tab.url)
  })
})

chrome.runtime.onMessage.addListener((message: Message, sender, reply) => {
  // Only our own pages (the popup, also when opened in a tab) talk to the worker; the
  // injected capture script never sends, and a page's own scripts cannot reach it at all.
  if (sender.id !== chrome.runtime.id || !sender.url?.startsWith(chrome.runtime.getURL('')))
    return false
  void answer(message).then(reply, (err: unknown) => reply({ error: String(err) }))
  return true
})

async function answer(message: Message): Promise<unknown> {
  switch (message.type) {
    case 'capture':
      return captureTab(message.tabId)
    case 'amend':
      return amend(message.capture, message.tags, message.note)
    case 'queue':
      await deliver()
      return queueState()
    case 'lookup':
      return lookup(message.tabId)
    case 'open':
      return openInQuire(message.id)
  }
}

/** Captures the tab and queues it; delivered at once when Quire runs. */
async function captureTab(
  tabId: number,
): Promise<{ key: string; title: string } | { error: string }> {
  const tab = await chrome.tabs.get(tabId)
  if (!tab.url || !/^https?:/i.test(tab.url))
    return { error: 'Only web pages (http or https) can be saved.' }
  let page: PageCapture
  try {
    await chrome.scripting.executeScript({ target: { tabId }, files: ['capture.js'] })
    const [result] = await chrome.scripting.executeScript({
      target: { tabId },
      func: () =>
        (globalThis as { __quireCapture?: () => Promise<unknown> }).__quireCapture?.() ?? null,
    })
    page = result?.result as PageCapture
    if (!page) throw new Error('the page gave nothing back')
  } catch (err) {
    return { error: `This page cannot be read: ${String(err)}` }
  }
  const images = [...page.images, ...(await fetchMissingImages(page.missing))]
  const body: CaptureRequest = {
    key: queue.newKey(),
    url: page.url,
    html: page.html,
    images,
    tags: [],
    ...(page.selection ? { selection: page.selection } : {}),
  }
  const title = page.title || page.url
  await queue.enqueue({
    kind: 'save',
    key: body.key,
    title,
    url: page.url,
    queuedAt: new Date().toISOString(),
    body,
  })
  void deliver()
  return { key: body.key, title }
}

/** Tags and a note from the popup: onto the waiting capture, or queued after it. */
async function amend(capture: string, tags: string[], note: string): Promise<{ ok: true }> {
  await exclusive(async () => {
    const change = { tags, ...(note.trim() ? { note: note.trim() } : {}) }
    if (await queue.amendWaiting(capture, change)) return
    const key = queue.newKey()
    const delivered = (await queue.recent()).delivered.find((d) => d.key === capture)
    await queue.enqueue({
      kind: 'amend',
      key,
      title: delivered?.title ?? 'Tags and note',
      url: delivered?.url ?? '',
      queuedAt: new Date().toISOString(),
      body: { key, capture, ...change },
    })
  })
  void deliver()
  return { ok: true }
}

let running: Promise<void> = Promise.resolve()
/** One queue change at a time (in this worker): delivery, amends. */
function exclusive(task: () => Promise<void>): Promise<void> {
  const next = running.then(task, task)
  running = next.catch(() => {})
  return next
}

/** Delivers the queue, oldest first; stops at the first item Quire cannot take now. */
function deliver(): Promise<void> {
  return exclusive(async () => {
    const conn = await connection()
    for (const key of await queue.keys()) {
      const item = await queue.item(key)
      if (!item) continue
      if (!conn.token) {
        state = 'unpaired'
        break
      }
      const out = await callQuire<CaptureResult | { id: string }>(conn, item.kind, item.body)
      const at = new Date().toISOString()
      if (out.kind === 'ok') {
        state = 'idle'
        await queue.settle(key, {
          delivered: { key, title: item.title, url: item.url, result: out.value, at },
        })
        continue
      }
      if (out.kind === 'refused') {
        await queue.settle(key, {
          failed: { key, title: item.title, url: item.url, reason: out.message, at },
        })
        continue
      }
      state = out.kind === 'unpaired' ? 'unpaired' : 'offline'
      lastProblem = out.message
      break
    }
    if ((await queue.keys()).length) {
      chrome.alarms.create('deliver', { periodInMinutes: RETRY_MINUTES })
    } else {
      state = state === 'unpaired' && !conn.token ? 'unpaired' : 'idle'
      await chrome.alarms.clear('deliver')
    }
    const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true })
    if (active?.id !== undefined && active.url) void updateBadge(active.id, active.url)
  })
}

async function queueState(): Promise<QueueState> {
  const conn = await connection()
  return {
    state: conn.token ? state : 'unpaired',
    problem: lastProblem,
    waiting: await queue.waiting(),
    ...(await queue.recent()),
  }
}

/** The archive's article for the tab's page (by its address and canonical link), or null. */
async function lookup(tabId: number): Promise<{ id: string; title: string } | null> {
  const tab = await chrome.tabs.get(tabId)
  if (!tab.url || !/^https?:/i.test(tab.url)) return null
  const urls = [tab.url]
  try {
    const [r] = await chrome.scripting.executeScript({
      target: { tabId },
      func: () => document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href ?? null,
    })
    if (typeof r?.result === 'string' && /^https?:/i.test(r.result)) urls.unshift(r.result)
  } catch {
    // A page the extension may not script (the browser's own): its address alone.
  }
  const out = await callQuire<{ found: { id: string; title: string } | null }>(
    await connection(),
    'lookup',
    { urls },
  )
  return out.kind === 'ok' ? out.value.found : null
}

async function updateBadge(tabId: number, url: string): Promise<void> {
  if (!/^https?:/i.test(url)) return
  const conn = await connection()
  if (!conn.token) return
  const found = await lookup(tabId).catch(() => null)
  const waiting = (await queue.keys()).length
  await chrome.action.setBadgeBackgroundColor({ tabId, color: found ? '#2f6f4e' : '#8a5a00' })
  await chrome.action.setBadgeText({ tabId, text: found ? '✓' : waiting ? String(waiting) : '' })
  await chrome.action.setTitle({
    tabId,
    title: found
      ? `In your Quire archive: ${found.title}`
      : waiting
        ? `Save to Quire (${waiting} waiting for Quire)`
        : 'Save to Quire',
  })
}

async function openInQuire(id: string): Promise<{ ok: boolean; message?: string }> {
  // `quire serve` answers with a one-time address to open in a tab; the desktop app shows the
  // article in its own window and answers `shown`.
  const out = await callQuire<{ url?: string; shown?: boolean }>(await connection(), 'open', { id })
  if (out.kind !== 'ok') return { ok: false, message: out.message }
  if (out.value.url) await chrome.tabs.create({ url: out.value.url })
  return { ok: true }
}
