// Layout checks run in the page on whatever screen is showing, each problem named with the
// element and its numbers:
// - overflow: a visible element reaches past the window's left or right edge, the page scrolls
//   sideways, or a container scrolls sideways that is not meant to (a control pushed out of it);
// - clipped: a control or heading runs past the edge of the box that clips it (a cut-off button);
// - overlap: two controls of the same layer (the page, or a dialog or popover over it) cover
//   each other;
// - truncated: a heading, a nav label, a tab or a menu item cut (ellipsis) to fewer than
//   4 characters, or a short label (a button's, or a few words alone) broken onto two lines;
// - narrow text: the reader's text column, less what the highlights panel covers, is narrower
//   than 45 characters of its own font (measured with a `45ch` box inside the text); a panel
//   laid over all of the text (a sheet, in a small window) hides it rather than narrows it;
// - cramped: the article's text runs closer than 16px to a docked highlights panel.
// The code runs in the browser as a string: this folder compiles without the DOM's types.
import type { Page } from '@playwright/test'

/** Fewer visible characters than this in a cut heading or nav label is a failure. */
export const MIN_VISIBLE_CHARS = 4
/** The reader's text column must hold at least this many characters of its font. */
export const MIN_MEASURE_CH = 45
/** The least room between the article's text and a docked highlights panel. */
export const MIN_NOTES_GAP_PX = 16

const CHECKS = `((minChars, minCh, minGap) => {
  const problems = []
  const W = document.documentElement.clientWidth
  const round = (n) => Math.round(n)
  const name = (el) => {
    const cls = typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : ''
    const label = el.getAttribute('aria-label') || (el.textContent || '').trim().replace(/\\s+/g, ' ')
    return el.tagName.toLowerCase() + cls + (label ? ' "' + label.slice(0, 40) + '"' : '')
  }
  const shown = (el) => {
    if (!el.checkVisibility({ visibilityProperty: true })) return false
    const r = el.getBoundingClientRect()
    return r.width > 0 && r.height > 0
  }

  // Overflow of the window: report the outermost element that crosses an edge.
  if (document.documentElement.scrollWidth > W + 1)
    problems.push('overflow: the page scrolls sideways (' + document.documentElement.scrollWidth + 'px wide in a ' + W + 'px window)')
  const over = new Set()
  for (const el of document.querySelectorAll('body *')) {
    if (!shown(el)) continue
    const r = el.getBoundingClientRect()
    if (r.right <= W + 1 && r.left >= -1) continue
    over.add(el)
    if (el.parentElement && over.has(el.parentElement)) continue
    problems.push('overflow: ' + name(el) + ' spans ' + round(r.left) + '–' + round(r.right) + 'px of a ' + W + 'px window')
  }

  // Sideways scrolling inside a box: something pushed out of it (code and tables may scroll).
  for (const el of document.querySelectorAll('body *')) {
    if (!shown(el) || el.closest('pre, table, .reader-body')) continue
    const x = getComputedStyle(el).overflowX
    if ((x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth + 1)
      problems.push('overflow: ' + name(el) + ' scrolls sideways (' + el.scrollWidth + 'px of content in ' + el.clientWidth + 'px)')
  }

  // Controls and headings cut off by the box that clips them.
  const CONTROLS = 'button, a[href], input, select, textarea, [role="button"], [role="tab"], h1, h2, h3, h4'
  for (const el of document.querySelectorAll(CONTROLS)) {
    if (!shown(el) || el.closest('.reader-body')) continue
    const r = el.getBoundingClientRect()
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const x = getComputedStyle(box).overflowX
      if (x === 'visible') continue
      const b = box.getBoundingClientRect()
      const left = b.left + box.clientLeft
      const right = left + box.clientWidth
      if (r.left < left - 1 || r.right > right + 1)
        problems.push('clipped: ' + name(el) + ' (' + round(r.left) + '–' + round(r.right) + 'px) is cut by ' + name(box) + ' (' + round(left) + '–' + round(right) + 'px)')
      break
    }
  }

  // Controls on top of one another (the Trash button under the note button), compared within
  // one layer: the page, or the open dialog or popover that sits over it.
  // Only the part of each control its scrolling and clipping boxes let through counts, and a
  // control laid over its own row on purpose (a row's ⋯ button) is left alone.
  const layer = (el) => el.closest('dialog[open], :popover-open') || document.body
  const seen = (el) => {
    const r = el.getBoundingClientRect()
    let { left, right, top, bottom } = r
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const cs = getComputedStyle(box)
      if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue
      const b = box.getBoundingClientRect()
      left = Math.max(left, b.left + box.clientLeft)
      right = Math.min(right, b.left + box.clientLeft + box.clientWidth)
      top = Math.max(top, b.top + box.clientTop)
      bottom = Math.min(bottom, b.top + box.clientTop + box.clientHeight)
      if (box.matches('dialog, :popover-open')) break
    }
    return { left, right, top, bottom }
  }
  const overlaid = (a, b) =>
    a.parentElement === b.parentElement && getComputedStyle(a).position === 'absolute'
  const controls = [...document.querySelectorAll('button, input, select, textarea, [role="button"]')]
    .filter((el) => shown(el) && !el.closest('.reader-body'))
    .map((el) => ({ el, r: seen(el), layer: layer(el) }))
  for (let i = 0; i < controls.length; i++) {
    for (let j = i + 1; j < controls.length; j++) {
      const a = controls[i], b = controls[j]
      if (a.layer !== b.layer || a.el.contains(b.el) || b.el.contains(a.el)) continue
      if (overlaid(a.el, b.el) || overlaid(b.el, a.el)) continue
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left)
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top)
      if (w > 2 && h > 2)
        problems.push('overlap: ' + name(a.el) + ' and ' + name(b.el) + ' cover each other (' + round(w) + '×' + round(h) + 'px)')
    }
  }

  // Headings, nav labels, tabs and menu items cut to a stub.
  const LABELS = 'h1, h2, h3, h4, h5, h6, [role="heading"], .nav-label, [role="tab"], [role="menuitem"], [role="menuitemradio"], .dialog-title'
  for (const el of document.querySelectorAll(LABELS)) {
    if (!shown(el)) continue
    const text = (el.textContent || '').trim()
    if (!text) continue
    if (el.scrollWidth <= el.clientWidth + 1) continue
    const visible = Math.floor((text.length * el.clientWidth) / el.scrollWidth) - 1
    if (visible < Math.min(minChars, text.length))
      problems.push('truncated: ' + name(el) + ' shows about ' + Math.max(0, visible) + ' of its ' + text.length + ' characters')
  }
  // Short labels ("Sort by", "1 article") broken onto two lines: buttons, and any element
  // holding nothing but a few words of text.
  const short = (el) => el.matches('button, [role="button"]') || el.childElementCount === 0
  for (const el of document.querySelectorAll('body *')) {
    if (!short(el) || !shown(el) || el.closest('.reader-body, textarea, pre')) continue
    const text = (el.innerText || '').trim()
    if (!text || text.length > 24 || text.includes('\\n')) continue
    const range = document.createRange()
    range.selectNodeContents(el)
    const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => round(r.top)))
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 16
    const tops = [...lines].sort((a, b) => a - b)
    if (tops.length > 1 && tops[tops.length - 1] - tops[0] >= lineHeight * 0.8)
      problems.push('truncated: the label of ' + name(el) + ' wraps onto ' + tops.length + ' lines')
  }

  // The reader's text column, in characters of its own font.
  const body = document.querySelector('[data-testid="reader-body"]')
  if (body && shown(body)) {
    const probe = document.createElement('span')
    probe.style.cssText = 'position:absolute;visibility:hidden;display:block;width:' + minCh + 'ch'
    body.append(probe)
    const need = probe.getBoundingClientRect().width
    probe.remove()
    const cs = getComputedStyle(body)
    const br = body.getBoundingClientRect()
    let left = br.left + parseFloat(cs.paddingLeft)
    let right = br.right - parseFloat(cs.paddingRight)
    const scroller = body.closest('.reader-scroll')
    if (scroller) {
      const s = scroller.getBoundingClientRect()
      left = Math.max(left, s.left)
      right = Math.min(right, s.right)
    }
    // The highlights panel: beside the text with a gap, or a sheet over all of it; a panel
    // over part of each line leaves a column as narrow as what it does not cover.
    const panel = document.querySelector('.reader-stage > .annotations')
    let sheet = false
    if (panel && shown(panel)) {
      const p = panel.getBoundingClientRect()
      if (p.left <= left + 1) sheet = true
      else if (p.left < right) right = p.left
      else if (p.left - right < minGap)
        problems.push('cramped: the article text ends ' + round(p.left - right) + 'px from the highlights panel (at least ' + minGap + 'px wanted)')
    }
    if (!sheet && right - left < need - 0.5)
      problems.push('narrow text: the reader shows ' + round(right - left) + 'px of text, ' + (((right - left) / need) * minCh).toFixed(1) + ' characters, under ' + minCh + ' (' + round(need) + 'px)')
  }
  return problems
})`

/** Every layout problem on the screen as it stands, one sentence each; empty when all is well. */
export async function layoutProblems(page: Page): Promise<string[]> {
  // A drawer or dialog still sliding in is measured where it comes to rest, not mid-way
  // (a string: these files compile without the DOM's types).
  await page.evaluate(`Promise.all(document.getAnimations()
    .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
    .map((a) => a.finished.catch(() => undefined)))`)
  return page.evaluate(`${CHECKS}(${MIN_VISIBLE_CHARS}, ${MIN_MEASURE_CH}, ${MIN_NOTES_GAP_PX})`)
}
