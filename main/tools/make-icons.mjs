// Renders build/icon.svg, Quire's one source image, into every icon the packages need, with
// Chromium (the same renderer the app runs on) so each size is drawn from the vector rather
// than scaled from a bitmap:
//   build/icons/<n>x<n>.png  Linux (AppImage, deb): 16 to 512
//   build/icon.png           512 px, the generic fallback
//   build/icon.ico           Windows: 16, 24, 32, 48, 64, 128, 256 (PNG entries, png-to-ico)
//   build/icon.icns          macOS: from the 1024 px render (png2icons)
// electron-builder uses these as they are; it would otherwise convert a single image with a
// tool it downloads, which cannot happen offline. Run: node main/tools/make-icons.mjs
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import pngToIco from 'png-to-ico'
import png2icons from 'png2icons'

const root = fileURLToPath(new URL('../..', import.meta.url))
const build = join(root, 'build')
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

async function render(svg, sizes) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--force-color-profile=srgb'],
  })
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 })
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
    const out = new Map()
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size })
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}img{display:block}</style>` +
          `<img src="${src}" width="${size}" height="${size}">`,
      )
      await page.locator('img').evaluate((img) => img.decode())
      out.set(size, await page.screenshot({ omitBackground: true, type: 'png' }))
    }
    return out
  } finally {
    await browser.close()
  }
}

const svg = await readFile(join(build, 'icon.svg'), 'utf8')
const pngs = await render(svg, [...new Set([...LINUX_SIZES, ...ICO_SIZES, 1024])])
await mkdir(join(build, 'icons'), { recursive: true })
for (const size of LINUX_SIZES) {
  await writeFile(join(build, 'icons', `${size}x${size}.png`), pngs.get(size))
}
await writeFile(join(build, 'icon.png'), pngs.get(512))
await writeFile(join(build, 'icon.ico'), await pngToIco(ICO_SIZES.map((s) => pngs.get(s))))
const icns = png2icons.createICNS(pngs.get(1024), png2icons.BICUBIC2, 0)
if (!icns) throw new Error('png2icons could not make build/icon.icns')
await writeFile(join(build, 'icon.icns'), icns)
console.log(`icons written to ${build}`)
