// The CLI's help text and its usage error.
export const USAGE = `Usage: quire <command> [options]

Commands:
  import <paths…> [--tag T]… [--json]   import files; folders are walked
  list [--view V] [--tag T] [--json]    list articles (views: inbox, all, favorites, archived, trash)
  search "<query>" [--view V] [--limit N] [--json]
                                        full-text search: words, "phrases", -word, OR,
                                        tag: is: source: author: url: lang: before: after:
                                        words:>N has:notes has:highlights color:
  show <id> [--json]                    print one article (record and text)
  delete <id…>                          move articles to the trash
  restore <id…>                         bring articles back from the trash
  empty-trash                           delete trashed articles for good
  serve [--port N]                      serve the app on 127.0.0.1 and print its address

Every command takes --archive DIR (default: $QUIRE_ARCHIVE, then ~/Quire).
Exit codes: 0 ok, 1 some items failed, 2 usage error.`

export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
