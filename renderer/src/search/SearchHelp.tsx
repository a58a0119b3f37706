// The "?" next to the search box: a popover listing the query language's operators, each
// example a button that adds it to the query.
import { HAS_FLAGS, HIGHLIGHT_COLORS, STATUS_FLAGS } from '../../../shared/search/query.ts'
import { Icon } from '../ui/Icon.tsx'
import { Popover, popoverCloser } from '../ui/Popover.tsx'

const HELP_ID = 'search-help'

const list = (values: readonly string[]) => values.join(', ')

/** Example, what it finds. Kept in the order a person learns them. */
const OPERATORS: ReadonlyArray<readonly [string, string]> = [
  ['ferry', 'Words starting with “ferry”'],
  ['"floating library"', 'The exact phrase'],
  ['ferry OR harbour', 'Either word'],
  ['-sport', 'Leave out articles with the word'],
  ['tag:travel', 'Tagged travel (-tag: leaves it out)'],
  ['is:unread', list(STATUS_FLAGS)],
  ['source:reuters', 'From a site or publication'],
  ['author:"Jane Doe"', 'By an author'],
  ['after:2024-06', 'On or after a date (YYYY, YYYY-MM, YYYY-MM-DD)'],
  ['before:2025', 'Before a date'],
  ['words:>500', 'Length: >500, <300, 100-800'],
  ['has:notes', list(HAS_FLAGS)],
  ['color:yellow', `Highlights in ${list(HIGHLIGHT_COLORS)}`],
  ['lang:en', 'In a language'],
]

interface Props {
  onExample(example: string): void
}

export function SearchHelp({ onExample }: Props) {
  return (
    <Popover
      id={HELP_ID}
      label="Search syntax"
      className="search-help"
      trigger={{
        className: 'search-field-button',
        'aria-label': 'Search syntax help',
        title: 'Search syntax',
        children: <Icon name="help" size={15} />,
      }}
    >
      <p className="search-help-title">Search syntax</p>
      <p className="search-help-intro">
        Combine parts with spaces; every part must match. Click an example to add it.
      </p>
      <ul className="search-help-list">
        {OPERATORS.map(([example, meaning]) => (
          <li key={example}>
            <button
              type="button"
              className="search-help-example"
              {...popoverCloser(HELP_ID)}
              onClick={() => onExample(example)}
            >
              <code>{example}</code>
              <span>{meaning}</span>
            </button>
          </li>
        ))}
      </ul>
    </Popover>
  )
}
