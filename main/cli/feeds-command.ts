// `quire feeds …`: subscribe, list, refresh, unsubscribe, and OPML in and out.
import { readFile, writeFile } from 'node:fs/promises'
import type { Feed } from '../../shared/model.ts'
import type { ArchiveService } from '../archive/service.ts'
import { formatImportReport } from './format.ts'
import { UsageError } from './usage.ts'

export interface FeedsCommandOptions {
  json: boolean
  tags: string[]
}

export async function runFeedsCommand(
  service: ArchiveService,
  args: string[],
  opts: FeedsCommandOptions,
): Promise<number> {
  const [sub, ...rest] = args
  const print = (value: unknown, human: () => string) =>
    console.log(opts.json ? JSON.stringify(value, null, 2) : human())
  switch (sub) {
    case undefined:
    case 'list': {
      const feeds = await service.feeds()
      print(feeds, () => formatFeeds(feeds))
      return 0
    }
    case 'add': {
      if (rest.length !== 1) throw new UsageError('feeds add takes one feed address')
      const done = await service.subscribeFeed(rest[0]!, opts.tags)
      print(done, () => `${formatFeeds(done.feeds)}\n${formatImportReport(done.report)}`)
      return done.report.failed > 0 ? 1 : 0
    }
    case 'refresh': {
      const done = await service.refreshFeeds(rest.length ? rest : undefined)
      print(done, () => `${formatFeeds(done.feeds)}\n${formatImportReport(done.report)}`)
      return done.feeds.some((f) => f.lastError) || done.report.failed > 0 ? 1 : 0
    }
    case 'remove': {
      if (rest.length !== 1) throw new UsageError('feeds remove takes one feed id')
      const { count } = await service.unsubscribeFeed(rest[0]!)
      print({ count }, () => (count ? 'unsubscribed; its articles stay' : 'no such feed'))
      return count ? 0 : 1
    }
    case 'import-opml': {
      if (rest.length !== 1) throw new UsageError('feeds import-opml takes one .opml file')
      const { added, feeds } = await service.importOpml(await readFile(rest[0]!))
      print(
        { added, feeds },
        () => `${added} feed${added === 1 ? '' : 's'} added (refresh to fetch them)`,
      )
      return 0
    }
    case 'export-opml': {
      const opml = await service.exportOpml()
      if (rest[0]) await writeFile(rest[0], opml)
      else process.stdout.write(opml)
      return 0
    }
    default:
      throw new UsageError(
        `unknown feeds command "${sub}" (add, list, refresh, remove, import-opml, export-opml)`,
      )
  }
}

function formatFeeds(feeds: Feed[]): string {
  if (!feeds.length) return 'no feeds (add one with `quire feeds add <address>`)'
  return feeds
    .map((f) => {
      const checked = f.lastCheckedAt
        ? `checked ${f.lastCheckedAt.slice(0, 16).replace('T', ' ')}`
        : 'never checked'
      return `${f.id}  ${f.title}  <${f.url}>  ${checked}${f.lastError ? `  ERROR: ${f.lastError}` : ''}`
    })
    .join('\n')
}
