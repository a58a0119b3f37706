// The `quire` command line: import, fetch, reextract, feeds, list, search, show, delete,
// restore, empty-trash, serve.
import { parseArgs } from 'node:util'
// The schemas from their own modules: shared/api.ts builds the whole IPC contract on load.
import { ListQuerySchema, LibraryViewSchema } from '../../shared/api/articles.ts'
import { SearchInputSchema } from '../../shared/api/search.ts'
import { QuireError } from '../../shared/errors.ts'
import { ArticleIdSchema, type ArticleSummary } from '../../shared/model.ts'
import { htmlToText } from '../../shared/html-text.ts'
import { ArchiveService } from '../archive/service.ts'
import { importReport } from '../archive/import/import-report.ts'
import { resolveArchiveRoot } from '../archive/store/layout.ts'
import type { OpenOptions } from '../archive/store/archive-store.ts'
import {
  formatArticle,
  formatImportReport,
  formatList,
  formatReextractReport,
  formatSearchResults,
} from './format.ts'
import { USAGE, UsageError } from './usage.ts'
import type { runServe as RunServe } from '../serve/run-serve.ts'
import { formatSyncStatus, syncStatus } from '../archive/store/sync/sync-status.ts'
import type { runFeedsCommand as RunFeedsCommand } from './feeds-command.ts'
import type { exportCommand as ExportCommand } from './export-command.ts'
import type { restoreCommand as RestoreCommand } from './restore-command.ts'

// The commands that need much of their own (the HTTP server, the exporters, the zip reader,
// the feed parser) load it when they run: a bundled `quire list` never parses it.
const runServe = async (...a: Parameters<typeof RunServe>) =>
  (await import('../serve/run-serve.ts')).runServe(...a)
const runFeedsCommand = async (...a: Parameters<typeof RunFeedsCommand>) =>
  (await import('./feeds-command.ts')).runFeedsCommand(...a)
const exportCommand = async (...a: Parameters<typeof ExportCommand>) =>
  (await import('./export-command.ts')).exportCommand(...a)
const restoreCommand = async (...a: Parameters<typeof RestoreCommand>) =>
  (await import('./restore-command.ts')).restoreCommand(...a)
const detectBackup = async (path: string) =>
  (await import('../archive/export/restore.ts')).detectBackup(path)

const OPTIONS = {
  archive: { type: 'string' },
  tag: { type: 'string', multiple: true },
  view: { type: 'string' },
  json: { type: 'boolean' },
  port: { type: 'string' },
  'capture-port': { type: 'string' },
  limit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  'allow-local-network': { type: 'boolean' },
  format: { type: 'string' },
  query: { type: 'string' },
  ids: { type: 'string' },
  out: { type: 'string' },
  replace: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  all: { type: 'boolean' },
} as const

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
  })
  const [command, ...args] = positionals
  if (values.help || !command) {
    console.log(USAGE)
    return command || values.help ? 0 : 2
  }
  const root = resolveArchiveRoot(values.archive)
  const print = (value: unknown, human: () => string) =>
    console.log(values.json ? JSON.stringify(value, null, 2) : human())

  switch (command) {
    case 'import': {
      if (!args.length) throw new UsageError('import needs at least one file, folder or address')
      const service = await openArchive(root)
      configureNetwork(service, values['allow-local-network'])
      const progress = !values.json && process.stderr.isTTY
      const opts = {
        tags: values.tag ?? [],
        ...(progress ? { onProgress: progressLine('importing') } : {}),
      }
      const urls = args.filter(isWebAddress)
      const paths = args.filter((a) => !isWebAddress(a))
      const reports = [
        ...(paths.length ? [await service.importPaths(paths, opts)] : []),
        ...(urls.length ? [await service.importUrls(urls, opts)] : []),
      ]
      if (progress) process.stderr.write('\r\x1b[K')
      const report = importReport(reports.flatMap((r) => r.results))
      print(report, () => formatImportReport(report))
      return report.failed > 0 ? 1 : 0
    }
    case 'fetch': {
      const ids = requireIds(args)
      const service = await openArchive(root)
      configureNetwork(service, values['allow-local-network'])
      const progress = !values.json && process.stderr.isTTY
      const report = await service.fetchArticles(ids, {
        ...(progress ? { onProgress: progressLine('fetching') } : {}),
      })
      if (progress) process.stderr.write('\r\x1b[K')
      print(report, () => formatImportReport(report))
      return report.failed > 0 ? 1 : 0
    }
    case 'reextract': {
      const all = values.all ?? false
      if (all === args.length > 0) throw new UsageError('reextract takes --all or article ids')
      const ids = all ? 'all' : requireIds(args)
      const service = await openArchive(root)
      const progress = !values.json && process.stderr.isTTY
      const report = await service.reextract(ids, progress ? progressLine('checking') : undefined)
      if (progress) process.stderr.write('\r\x1b[K')
      print(report, () => formatReextractReport(report))
      return 0
    }
    case 'feeds': {
      const service = await openArchive(root)
      configureNetwork(service, values['allow-local-network'])
      return runFeedsCommand(service, args, { json: values.json ?? false, tags: values.tag ?? [] })
    }
    case 'list': {
      const view = LibraryViewSchema.safeParse(values.view ?? 'all')
      if (!view.success) throw new UsageError(`unknown view "${values.view}"`)
      const service = await openArchive(root, { readOnly: true })
      const query = ListQuerySchema.parse({
        view: view.data,
        ...(values.tag?.[0] ? { tag: values.tag[0] } : {}),
        limit: 500,
      })
      const items: ArticleSummary[] = []
      let total = 0
      for (let offset = 0; ; offset += query.limit) {
        const page = await service.list({ ...query, offset })
        items.push(...page.items)
        total = page.total
        if (items.length >= total || page.items.length === 0) break
      }
      print(items, () => formatList(items, total))
      return 0
    }
    case 'search': {
      if (args.length !== 1)
        throw new UsageError('search takes one query; quote it: quire search "rafah tag:gaza"')
      const view = LibraryViewSchema.safeParse(values.view ?? 'all')
      if (!view.success) throw new UsageError(`unknown view "${values.view}"`)
      const service = await openArchive(root)
      try {
        const results = await service.search(
          SearchInputSchema.parse({
            query: args[0],
            view: view.data,
            limit: values.limit ? Number(values.limit) : 50,
          }),
        )
        print(results, () => formatSearchResults(results))
      } catch (err) {
        if (err instanceof QuireError && err.code === 'INVALID_INPUT') {
          const { start, end } = err.details as { start: number; end: number }
          console.error(
            `quire: ${err.message}\n  ${args[0]}\n  ${' '.repeat(start)}${'^'.repeat(Math.max(1, end - start))}`,
          )
          return 2
        }
        throw err
      } finally {
        await service.close()
      }
      return 0
    }
    case 'show': {
      const id = requireIds(args, 1)[0]!
      const service = await openArchive(root, { readOnly: true })
      const found = await service.get(id)
      print({ ...found.article, text: htmlToText(found.body) }, () => formatArticle(found))
      return 0
    }
    case 'export':
      return exportCommand(root, {
        ...(values.format !== undefined ? { format: values.format } : {}),
        ...(values.query !== undefined ? { query: values.query } : {}),
        ...(values.ids !== undefined ? { ids: values.ids } : {}),
        ...(values.out !== undefined ? { out: values.out } : {}),
        json: values.json ?? false,
      })
    case 'restore-backup':
      return restoreCommand(root, args, {
        replace: values.replace ?? false,
        'dry-run': values['dry-run'] ?? false,
        json: values.json ?? false,
      })
    case 'delete':
    case 'restore': {
      // `quire restore <file>`: a backup zip or Quire JSON export, known by its content
      // (whatever its name), not article ids.
      if (command === 'restore' && args.length === 1 && (await detectBackup(args[0]!))) {
        return restoreCommand(root, args, {
          replace: values.replace ?? false,
          'dry-run': values['dry-run'] ?? false,
          json: values.json ?? false,
        })
      }
      const ids = requireIds(args)
      const service = await openArchive(root)
      const { count } =
        command === 'delete' ? await service.delete(ids) : await service.restore(ids)
      print(
        { count },
        () =>
          `${count} article${count === 1 ? '' : 's'} ${command === 'delete' ? 'moved to the trash' : 'restored'}`,
      )
      return 0
    }
    case 'empty-trash': {
      const service = await openArchive(root)
      const { count } = await service.emptyTrash()
      print({ count }, () => `${count} article${count === 1 ? '' : 's'} deleted for good`)
      return 0
    }
    case 'sync-status': {
      const status = await syncStatus(root)
      print(status, () => formatSyncStatus(status))
      return status.lastMerge?.unmerged.length ? 1 : 0
    }
    case 'serve': {
      await runServe({
        archive: root,
        port: values.port === undefined ? undefined : portNumber(values.port, '--port'),
        capturePort: capturePortOf(values['capture-port']),
        allowLocalNetwork: values['allow-local-network'] ?? false,
      })
      return new Promise<number>(() => {}) // runs until SIGINT/SIGTERM
    }
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}

/** `--capture-port N|off`: the browser extension's port (off: no capture endpoint). */
function capturePortOf(arg: string | undefined): number | null | undefined {
  if (arg === undefined) return undefined
  if (arg === 'off') return null
  return portNumber(arg, '--capture-port', ' or "off"')
}

/** A TCP port given on the command line, or a usage error naming the option. */
function portNumber(arg: string, option: string, or = ''): number {
  const port = Number(arg)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`${option} must be a port number${or}, not "${arg}"`)
  return port
}

/** Lines said on stderr: a read-only reason that repeats a recovery message is said once. */
const said = new Set<string>()
function say(message: string): void {
  if (said.has(message)) return
  said.add(message)
  console.error(`quire: ${message}`)
}

/** Open the archive and say on stderr what was rebuilt or could not be, if anything. */
/**
 * Archives this run opened, closed before the process ends: the close's checkpoint puts the
 * run's writes in the shard files, which is all a synced archive carries to other devices
 * (this device's journal never travels), and it lets go of the lock.
 */
const opened: ArchiveService[] = []

async function openArchive(root: string, opts?: OpenOptions): Promise<ArchiveService> {
  const service = await ArchiveService.open(root, opts)
  opened.push(service)
  for (const r of service.recoveries) say(r.message)
  return service
}

/** `--allow-local-network`: this run may fetch feed items and images from private addresses. */
function configureNetwork(service: ArchiveService, allow: boolean | undefined): void {
  if (allow) service.configure({ allowLocalNetwork: true })
}

function isWebAddress(arg: string): boolean {
  return /^https?:\/\//i.test(arg)
}

function progressLine(verb: string) {
  return (p: { done: number; total: number }) =>
    process.stderr.write(`\r${verb} ${p.done}/${p.total}`)
}

function requireIds(args: string[], exactly?: number): string[] {
  if (!args.length) throw new UsageError('give an article id (see `quire list`)')
  if (exactly !== undefined && args.length !== exactly) throw new UsageError('give exactly one id')
  for (const id of args) {
    if (!ArticleIdSchema.safeParse(id).success) throw new UsageError(`"${id}" is not an article id`)
  }
  return args
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (err) {
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`quire: ${(err as Error).message}\n\n${USAGE}`)
    process.exitCode = 2
  } else if (err instanceof QuireError) {
    say(err.message)
    process.exitCode = 1
  } else {
    say((err as Error).message ?? String(err))
    process.exitCode = 1
  }
} finally {
  // close() is idempotent (search closes its own); a failing close says why and fails.
  for (const service of opened.splice(0)) {
    await service.close().catch((err: unknown) => {
      say(`could not close the archive: ${(err as Error).message}`)
      process.exitCode ||= 1
    })
  }
}
