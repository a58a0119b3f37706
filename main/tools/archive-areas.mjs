// The areas of main/archive and the ESLint rule that keeps them apart (`quire/archive-areas`).
// Each area is a folder; the table says which areas it may import and which of its modules the
// others may import. Everything else in an area is its own business: change it freely.
import path from 'node:path'

/** main/archive, where the areas live. */
export const ARCHIVE_DIR = path.resolve(import.meta.dirname, '../archive')

/**
 * The areas, lowest first. `uses`: the areas whose public modules this one may import.
 * `public`: modules (paths inside the area) other areas may import; besides these, every
 * `*-operations.ts` is public, as the facade's door into its area. service.ts, the facade at
 * main/archive's root, may import any area's public modules and nothing may import it.
 */
export const ARCHIVE_AREAS = {
  // On-disk layout, lowdb documents, atomic writes, journal, backups. Imports no other area.
  store: {
    uses: [],
    public: [
      'archive-store.ts',
      'asset-store.ts',
      'atomic-write.ts',
      'catalog.ts',
      'content-store.ts',
      'layout.ts',
      'manifest.ts',
      'map-limit.ts',
      'display-path.ts',
      'follow-writer.ts',
      'journal-format.ts',
      'shard-stamp.ts',
      'sweep.ts',
      'migrations.ts',
      'write-failure.ts',
      // Sync: where the folder is synced and the last merge (quire sync-status, Settings).
      'sync/sync-status.ts',
    ],
  },
  // What every operation runs on: the store, the write queue, require/body/save/rewrite.
  core: {
    uses: ['store'],
    public: ['archive-core.ts', 'housekeeping.ts', 'reader-session.ts', 'sync-watch.ts'],
  },
  // The network (deadlines, size caps, the private-address guard), for the import area; its
  // failures are the import pipeline's ImportFailure (import/extracted.ts).
  net: {
    uses: ['import'],
    // unreachable.ts: which failures mean "offline, try later" (typed addresses kept as links).
    public: ['fetch-image.ts', 'fetch-page.ts', 'fetch-resource.ts', 'unreachable.ts'],
  },
  // The derived full-text index, searches and saved searches.
  search: {
    uses: ['core', 'store'],
    public: ['archive-search.ts', 'index-host.ts', 'index-slot.ts', 'saved-searches.ts'],
  },
  // Every source format, the shared pipeline (extract, clean, dedupe, store) and web imports.
  import: {
    uses: ['core', 'net', 'store'],
    public: [
      'build-record.ts',
      'canonical-url.ts',
      'clean-tags.ts',
      'extracted.ts',
      'feeds/feed-importer.ts',
      'feeds/opml.ts',
      'feeds/parse-feed.ts',
      'html/dom.ts',
      'html/linkedom-runtime.ts',
      'import-core.ts',
      'import-report.ts',
      'imported-highlights.ts',
      // The lead image stored with the body: pages fetched again (articles/) store theirs too.
      'lead-image.ts',
      'online.ts',
      'pipeline.ts',
      'captured-page.ts',
      '../../shared/credits.ts',
      'metadata/clean-title.ts',
      'metadata/parse-date.ts',
      'metadata/site-name.ts',
      'metadata/url-date.ts',
    ],
  },
  annotations: { uses: ['core', 'store'], public: ['annotation-edits.ts'] },
  tags: { uses: ['core', 'store'], public: [] },
  // Metadata extracted again from stored records with today's import rules.
  reextract: { uses: ['core', 'import'], public: [] },
  feeds: { uses: ['core', 'import', 'store'], public: [] },
  articles: {
    uses: ['annotations', 'core', 'import', 'search', 'store'],
    public: ['fetch-articles.ts'],
  },
  export: {
    uses: ['core', 'import', 'store'],
    public: ['archive-snapshot.ts', 'backup-zip.ts'],
  },
}

const FACADE = 'service.ts'

/** Where `file` sits in main/archive: its area (null at the root) and its path inside it. */
function locate(file) {
  const rel = path.relative(ARCHIVE_DIR, file)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null
  const parts = rel.split(path.sep)
  return parts.length === 1
    ? { area: null, module: parts[0] }
    : { area: parts[0], module: parts.slice(1).join('/') }
}

function isPublic(area, module) {
  return module.endsWith('-operations.ts') || ARCHIVE_AREAS[area].public.includes(module)
}

/** Why importing `target` from `from` breaks the areas' rules, or null when it does not. */
export function archiveAreaViolation(from, target) {
  if (!target || target.area === from.area) return null
  if (target.area === null) {
    return `only transports (main/app, serve, cli, api) use the facade ${FACADE}; areas never import it`
  }
  if (!ARCHIVE_AREAS[target.area]) {
    return `${target.area}/ is not an area: add it to ARCHIVE_AREAS in main/tools/archive-areas.mjs`
  }
  if (from.area !== null && !ARCHIVE_AREAS[from.area]) {
    return `${from.area}/ is not an area: add it to ARCHIVE_AREAS in main/tools/archive-areas.mjs`
  }
  if (from.area !== null && !ARCHIVE_AREAS[from.area].uses.includes(target.area)) {
    const uses = ARCHIVE_AREAS[from.area].uses.join(', ') || 'no other area'
    return `${from.area}/ may not import ${target.area}/ (it uses ${uses})`
  }
  if (!isPublic(target.area, target.module)) {
    return `${target.area}/${target.module} is internal to ${target.area}/; use its public modules (*-operations.ts, ${ARCHIVE_AREAS[target.area].public.join(', ') || 'none other'}) or make it public in main/tools/archive-areas.mjs`
  }
  return null
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: "Keeps main/archive's areas to their public modules and directions." },
    schema: [],
    messages: { area: '{{why}}' },
  },
  create(context) {
    const from = locate(context.filename)
    if (!from) return {}
    const check = (node) => {
      const spec = node.source?.value
      if (typeof spec !== 'string' || !spec.startsWith('.')) return
      const target = locate(path.resolve(path.dirname(context.filename), spec))
      const why = archiveAreaViolation(from, target)
      if (why) context.report({ node: node.source, messageId: 'area', data: { why } })
    }
    return {
      Program(node) {
        if (from.area === null && from.module !== FACADE) {
          const why = `main/archive's root holds only ${FACADE}; put ${from.module} in its area's folder`
          context.report({ node, messageId: 'area', data: { why } })
        } else if (from.area !== null && !ARCHIVE_AREAS[from.area]) {
          const why = `${from.area}/ is not an area: add it to ARCHIVE_AREAS in main/tools/archive-areas.mjs`
          context.report({ node, messageId: 'area', data: { why } })
        }
      },
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    }
  },
}

export const archiveAreasPlugin = { rules: { 'archive-areas': rule } }
