// Journey: a person keeps the archive in a Syncthing folder. Settings > Sync says so, names
// this device, and shows no conflict copies. While it is open, the other machine's copy of
// a shard (the article tagged there) lands beside the shard: the panel updates by itself to
// say it was merged, and the tag is in the archive. A copy that cannot be read is set aside
// and the panel explains where it is kept. Screenshots wide and narrow, light and dark.
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { auditPage, formatFindings, type Finding } from './pages/axe-audit.ts'
import { SettingsPage } from './pages/settings-page.ts'
import { WIRE_STORY } from './story.ts'

test.use({ seed: { imports: [{ files: [fixturePath(WIRE_STORY.file)] }] } })

const OTHER = 'LAPTOP1'
const copyName = (key: string) => `${key}.sync-conflict-20261208-020000-${OTHER}.json`

interface ShardFile {
  articles: Record<string, { tags: string[]; updatedAt: string; clock?: { t?: object } }>
}

/** The shard holding the one seeded article: its key and contents. */
async function seededShard(archiveDir: string): Promise<{ key: string; shard: ShardFile }> {
  const dir = join(archiveDir, 'catalog')
  for (const name of await readdir(dir)) {
    const m = /^([0-9a-f]{2})\.json$/.exec(name)
    if (!m) continue
    const shard = JSON.parse(await readFile(join(dir, name), 'utf8')) as ShardFile
    if (Object.keys(shard.articles).length) return { key: m[1]!, shard }
  }
  throw new Error('no shard holds the seeded article')
}

function syncSection(page: Page) {
  return page.getByRole('region', { name: 'Sync' })
}

test('shows where the archive syncs and a conflict copy merged while it is open', async ({
  page,
  library,
  archiveDir,
}) => {
  // Syncthing marks the root of each folder it shares with .stfolder.
  await mkdir(join(archiveDir, '.stfolder'))
  const settings = new SettingsPage(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(library.rows).toHaveCount(1)
  await settings.gear.click()
  const sync = syncSection(page)
  await expect(sync.getByTestId('sync-engine')).toContainText('Synced by Syncthing')
  await expect(sync.getByTestId('sync-engine')).toContainText('stay out of sync (.stignore)')
  await expect(sync.getByTestId('sync-pending')).toHaveText('None waiting')
  await expect(sync.getByTestId('sync-last-merge')).toContainText('None yet')
  const device = (await sync.getByTestId('sync-device').locator('code').textContent()) ?? ''
  expect(device).toMatch(/^[A-Za-z0-9-]+$/)
  await expect(sync.getByTestId('sync-devices')).toContainText(`${device} this device`)
  await sync.scrollIntoViewIfNeeded()
  await page.screenshot({ path: screenshotPath('settings-sync-idle'), animations: 'disabled' })

  // The laptop tagged the article while apart; Syncthing leaves its shard as a conflict copy
  // and its quire.json (which lists the laptop among the devices) in place.
  const { key, shard } = await seededShard(archiveDir)
  const at = new Date().toISOString()
  for (const a of Object.values(shard.articles)) {
    a.tags = [...a.tags, 'from-laptop']
    a.updatedAt = at
    a.clock = { ...a.clock, t: { ...a.clock?.t, 'from-laptop': `${at}/${OTHER}` } }
  }
  const manifest = JSON.parse(await readFile(join(archiveDir, 'quire.json'), 'utf8')) as {
    devices?: string[]
  }
  manifest.devices = [...(manifest.devices ?? []), OTHER].sort()
  await writeFile(join(archiveDir, 'quire.json'), JSON.stringify(manifest, null, 2))
  await writeFile(join(archiveDir, 'catalog', copyName(key)), JSON.stringify(shard))

  // No reload: the panel hears the merge from main.
  await expect(sync.getByTestId('sync-heard')).toHaveText(
    /Another device’s changes arrived|Another device's changes arrived/,
  )
  await expect(sync.getByTestId('sync-last-merge')).toContainText('1 article changed')
  await expect(sync.getByTestId('sync-devices')).toContainText(OTHER)
  await expect(sync.getByTestId('sync-pending')).toHaveText('None waiting')
  expect(existsSync(join(archiveDir, 'catalog', copyName(key)))).toBe(false)
  const merged = (await seededShard(archiveDir)).shard
  expect(Object.values(merged.articles)[0]?.tags).toContain('from-laptop')
  await page.screenshot({ path: screenshotPath('settings-sync-merged'), animations: 'disabled' })
})

test('explains a copy that could not be merged and where it is kept, by keyboard', async ({
  page,
  library,
  archiveDir,
}) => {
  const settings = new SettingsPage(page)
  await expect(library.rows).toHaveCount(1)
  await settings.gear.click()
  const sync = syncSection(page)
  await expect(sync.getByTestId('sync-engine')).toContainText('Not in a synced folder')

  await writeFile(join(archiveDir, 'catalog', copyName('5c')), '{"articles": {')
  const unmerged = sync.getByTestId('sync-unmerged')
  await expect(unmerged).toContainText('1 copy could not be merged')
  await expect(unmerged).toContainText(`catalog/${copyName('5c')}`)
  await expect(unmerged).toContainText('Quire never deletes such a copy')
  const folder = await unmerged.locator('p code').first().textContent()
  expect(folder).toMatch(/^\.local\.nosync\/[A-Za-z0-9-]+\/unmerged$/)
  const kept = await readdir(join(archiveDir, folder!))
  expect(kept).toHaveLength(1)
  expect(kept[0]).toContain(copyName('5c').replace('.json', ''))

  // The browser shell cannot open a file manager: it says where the folder is instead.
  const show = unmerged.getByRole('button', { name: 'Show folder' })
  await show.focus()
  await page.keyboard.press('Enter')
  await expect(unmerged.getByRole('status')).toContainText(
    `Open this folder in your file manager: `,
  )
  await expect(unmerged.getByRole('status')).toContainText(`${folder}`)

  // A later merge that goes well does not hide what is still kept aside.
  const { key, shard } = await seededShard(archiveDir)
  await writeFile(join(archiveDir, 'catalog', copyName(key)), JSON.stringify(shard))
  await expect(sync.getByTestId('sync-last-merge')).toContainText('1 file merged, 0 articles')
  await expect(unmerged).toContainText(kept[0]!)

  // The panel with its notice passes axe (WCAG 2.1 AA) in both colour schemes.
  const findings: Finding[] = []
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    findings.push(...(await auditPage(page, `settings sync, ${scheme}`)))
  }
  expect(findings, formatFindings(findings)).toEqual([])

  for (const [name, size, scheme] of [
    ['settings-sync-unmerged-wide', { width: 1280, height: 800 }, 'light'],
    ['settings-sync-unmerged-narrow', { width: 420, height: 760 }, 'dark'],
  ] as const) {
    await page.setViewportSize(size)
    await page.emulateMedia({ colorScheme: scheme })
    await unmerged.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath(name), animations: 'disabled' })
  }
  // Nothing in the panel runs off a narrow window.
  const overflow = await sync.evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})
