// Packaging checked offline with electron-builder's own code, since its Electron download
// cannot run here: the configuration through its loader and JSON-schema validation, the
// package.json checks its packager makes, the deb target's metadata (maintainer, homepage),
// the .desktop entry the AppImage and deb carry (with no warning from electron-builder), and
// the icons it resolves for every target — used as committed, never converted (converting
// downloads a tool).
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

const REPO = fileURLToPath(new URL('../../../', import.meta.url))
const require = createRequire(import.meta.url)

// electron-builder's internals are CommonJS modules without published types for these paths.
// The package's entry first: its modules require each other in a cycle that only resolves
// in the order the entry loads them.
require('app-builder-lib')
const configModule = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string): Promise<BuilderConfig>
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>
}
const { checkMetadata } = require('app-builder-lib/out/util/packageMetadata.js') as {
  checkMetadata(meta: unknown, dev: unknown, file: string, devFile: string): void
}
const { AppInfo } = require('app-builder-lib/out/appInfo.js')
const { PlatformPackager } = require('app-builder-lib/out/platformPackager.js')
const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper.js')
const { default: FpmTarget } = require('app-builder-lib/out/targets/FpmTarget.js')
const { convertIcon } = require('app-builder-lib/out/util/iconConverter.js')
const { DebugLogger, log } = require('builder-util')
const { TmpDir } = require('temp-file')

interface BuilderConfig {
  directories?: { output?: string; buildResources?: string }
  linux?: Record<string, unknown> & { target?: unknown[]; icon?: string }
  mac?: Record<string, unknown> & { icon?: string }
  win?: Record<string, unknown> & { icon?: string }
  [key: string]: unknown
}

interface PackageJson {
  name: string
  version: string
  description?: string
  homepage?: string
  desktopName?: string
  author?: { name?: string; email?: string }
}

let config: BuilderConfig
/** Where electron-builder would write; nothing is expected there. */
let outDir = ''
const metadata = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as PackageJson
const tmp = new TmpDir('quire-builder-test')

beforeAll(async () => {
  config = await configModule.getConfig(REPO)
  outDir = await tmp.getTempDir({ prefix: 'out' })
})

afterEach(() => {
  vi.restoreAllMocks()
})

afterAll(async () => {
  await tmp.cleanup()
})

/** Just enough of electron-builder's LinuxPackager for its Linux target code to run. */
function linuxPackager() {
  const linux = config.linux ?? {}
  const info = {
    metadata,
    devMetadata: metadata,
    config,
    framework: { name: 'electron' },
    tempDirManager: tmp,
    repositoryInfo: Promise.resolve(null),
  }
  const packager = {
    info,
    config,
    projectDir: REPO,
    buildResourcesDir: join(REPO, config.directories?.buildResources ?? 'build'),
    platformSpecificBuildOptions: linux,
    appInfo: new AppInfo(info, null, linux),
    executableName: linux.executableName as string,
    fileAssociations: [],
    expandMacro: (s: string) => s,
    getDefaultFrameworkIcon: () => null,
    getTempFile: (suffix: string) => tmp.getTempFile({ suffix }),
    resolveIcon(sources: string[], fallbacks: string[], format: string) {
      return PlatformPackager.prototype.resolveIcon.call(this, sources, fallbacks, format)
    },
  }
  return packager
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(
      configModule.validateConfiguration(config, new DebugLogger(false)),
    ).resolves.toBeUndefined()
  })

  it('fails that validation for a misspelt option (the check can fail)', async () => {
    const broken = { ...config, linux: { ...config.linux, categroy: 'Office' } }
    await expect(
      configModule.validateConfiguration(broken, new DebugLogger(false)),
    ).rejects.toThrow(/Invalid configuration object[\s\S]*configuration\.linux/)
  })

  it('builds AppImage and deb on Linux', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
  })

  it('package.json passes the packager’s metadata checks, with a description and an author', () => {
    const file = join(REPO, 'package.json')
    const warn = vi.spyOn(log, 'warn')
    expect(() => checkMetadata(metadata, metadata, file, file)).not.toThrow()
    expect(warn).not.toHaveBeenCalled()
  })
})

describe('the deb package', () => {
  it('has a maintainer with an email, a vendor and a homepage', async () => {
    const packager = linuxPackager()
    const target = new FpmTarget('deb', packager, new LinuxTargetHelper(packager), outDir)
    await target.scriptFiles
    const meta = await target.checkOptions()
    expect(meta.maintainer).toMatch(/^[^<>]+ <[^@\s<>]+@[^@\s<>]+\.[a-z]+>$/)
    expect(meta.vendor).toBeTruthy()
    expect(meta.url).toMatch(/^https:\/\//)
    expect(meta.name).toBe('quire')
  })

  it('would be refused without an author email or homepage (the check can fail)', async () => {
    const packager = linuxPackager()
    const { maintainer: _dropped, ...linux } = packager.platformSpecificBuildOptions
    packager.platformSpecificBuildOptions = linux
    const bare = { ...metadata, author: { name: 'X' }, homepage: undefined }
    Object.assign(packager.info, { metadata: bare, devMetadata: bare })
    const target = new FpmTarget('deb', packager, new LinuxTargetHelper(packager), outDir)
    await target.scriptFiles
    const refusal = target.checkOptions()
    await expect(refusal).rejects.toThrow(/specify project homepage/)
    await expect(refusal).rejects.toThrow(/specify author 'email'/)
  })
})

describe('the .desktop entry (AppImage and deb)', () => {
  it('names the app, describes it, files it under Office, and ties windows to it', async () => {
    const packager = linuxPackager()
    const warn = vi.spyOn(log, 'warn')
    const entry: string = await new LinuxTargetHelper(packager).computeDesktopEntry(
      packager.platformSpecificBuildOptions,
    )
    expect(warn).not.toHaveBeenCalled()
    const lines = Object.fromEntries(
      entry
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    )
    expect(lines).toMatchObject({
      Name: 'Quire',
      Icon: 'quire',
      Categories: 'Office;',
      StartupWMClass: metadata.desktopName?.replace(/\.desktop$/, ''),
      Type: 'Application',
    })
    expect(lines.Comment).toMatch(/offline/i)
    expect(lines.Exec).toMatch(/quire %U$/)
  })
})

describe('icons', () => {
  const sizes = [16, 24, 32, 48, 64, 128, 256, 512]

  it('Linux: one committed PNG per size, resolved as they are', async () => {
    const packager = linuxPackager()
    const warn = vi.spyOn(log, 'warn')
    const icons: { file: string; size: number }[] = await new LinuxTargetHelper(packager).icons
    expect(warn).not.toHaveBeenCalled()
    expect(icons.map((i) => i.size)).toEqual(sizes)
    for (const icon of icons) {
      expect(icon.file).toBe(join(REPO, 'build', 'icons', `${icon.size}x${icon.size}.png`))
      const png = readFileSync(icon.file)
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([icon.size, icon.size])
    }
  })

  it('Windows and macOS: the committed .ico (up to 256 px) and .icns, not converted', async () => {
    const roots = [join(REPO, 'build'), REPO]
    const notWritten = join(outDir, 'never-written')
    const ico = await convertIcon({
      sources: [config.win?.icon],
      fallbackSources: [],
      roots,
      format: 'ico',
      outDir: notWritten,
    })
    expect(ico.icons).toEqual([{ file: join(REPO, 'build', 'icon.ico'), size: 256 }])
    const icns = await convertIcon({
      sources: [config.mac?.icon],
      fallbackSources: [],
      roots,
      format: 'icns',
      outDir: notWritten,
    })
    expect(icns.icons).toEqual([{ file: join(REPO, 'build', 'icon.icns'), size: 0 }])
    expect(
      readFileSync(join(REPO, 'build', 'icon.icns'))
        .subarray(0, 4)
        .toString(),
    ).toBe('icns')
    expect(existsSync(notWritten)).toBe(false)
  })

  it('all come from the one source image and the script that renders it', () => {
    expect(readFileSync(join(REPO, 'build', 'icon.svg'), 'utf8')).toMatch(/^<svg /)
    expect(readFileSync(join(REPO, 'main', 'tools', 'make-icons.mjs'), 'utf8')).toMatch(
      /build\/icon\.svg/,
    )
  })
})
