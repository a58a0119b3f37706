// The CLI's help text and its usage error.
export const USAGE = `Usage: quire <command> [options]

Commands:
  import <paths|addresses…> [--tag T]… [--json]
                                        import files, folders (walked), zip files, app
                                        exports and web pages by address (http/https)
  fetch <id…>                           fetch the text of link records, or pages again
                                        (the earlier text is kept as a version)
  reextract --all | <id…>               extract titles, authors, sources and dates again
                                        (fields you edited by hand are kept)
  feeds [list]                          list feed subscriptions
  feeds add <address> [--tag T]…        subscribe and import the current items
  feeds refresh [<id…>]                 fetch new items of all (or some) feeds
  feeds remove <id>                     unsubscribe (the articles stay)
  feeds import-opml <file>              add the subscriptions of an OPML file
  feeds export-opml [<file>]            write the subscriptions as OPML
  list [--view V] [--tag T] [--json]    list articles (views: inbox, all, favorites, archived, trash)
  search "<query>" [--view V] [--limit N] [--json]
                                        full-text search: words, "phrases", -word, OR,
                                        tag: is: source: author: url: lang: before: after:
                                        words:>N has:notes has:highlights color:
  show <id> [--json]                    print one article (record and text)
  delete <id…>                          move articles to the trash
  restore <id…>                         bring articles back from the trash
  empty-trash                           delete trashed articles for good
  export --format F [--query Q | --ids a,b] [--out PATH]
                                        F: markdown readwise jsonld html epub bibtex ris
                                        csl quire-json backup (PDF: from the app)
  restore <backup.zip|export.json> [--replace] [--dry-run]
                                        restore a backup (merge by default; --replace keeps
                                        the old catalog aside in *.before-restore)
  sync-status [--json]                  where the archive is synced, conflict copies, last merge
  serve [--port N] [--capture-port N|off]
                                        serve the app on 127.0.0.1 and print its address;
                                        the browser extension delivers to the capture port

Every command takes --archive DIR (default: $QUIRE_ARCHIVE, then ~/Quire).
--allow-local-network lets feed items, their pages and images come from private addresses.
Exit codes: 0 ok, 1 some items failed, 2 usage error.`

export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
