// A Markdown note as React elements, built from notes/markdown-tree (never an HTML string):
// links open outside the app the way article links do, images are links, not loaded.
import { useMemo, type ReactNode } from 'react'
import { parseNote, type NoteNode } from './markdown-tree.ts'

function render(node: NoteNode, key: number): ReactNode {
  if (typeof node === 'string') return node
  const children = node.children.map(render)
  switch (node.tag) {
    case 'a':
      // target=_blank: Electron's window-open handler hands http(s) to the system browser and
      // denies the window; the browser shell opens a tab. The app window never navigates.
      return (
        <a
          key={key}
          href={node.href}
          target="_blank"
          rel="noreferrer noopener"
          className={node.image ? 'md-image-link' : undefined}
        >
          {children}
        </a>
      )
    case 'br':
      return <br key={key} />
    case 'hr':
      return <hr key={key} />
    case 'p':
      return node.heading ? (
        <p key={key} className={`md-heading md-h${node.heading}`}>
          <strong>{children}</strong>
        </p>
      ) : (
        <p key={key}>{children}</p>
      )
    default: {
      const Tag = node.tag
      return <Tag key={key}>{children}</Tag>
    }
  }
}

interface Props {
  source: string
  className?: string
  testId?: string
}

/** Renders a note written in Markdown; raw HTML in it shows as the text it is. */
export function Markdown({ source, className, testId }: Props) {
  const nodes = useMemo(() => parseNote(source), [source])
  return (
    <div className={`markdown ${className ?? ''}`.trim()} data-testid={testId}>
      {nodes.map(render)}
    </div>
  )
}
