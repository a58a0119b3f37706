// The article's body as React elements built from the allow-listed tree (no HTML injection).
import { useMemo, type ReactNode, type Ref } from 'react'
import { htmlToBlocks, type BodyNode } from './html-to-blocks.ts'

function render(node: BodyNode, key: number): ReactNode {
  if (typeof node === 'string') return node
  const children = node.children.map(render)
  switch (node.tag) {
    case 'br':
      return <br key={key} />
    case 'hr':
      return <hr key={key} />
    case 'img':
      // Relative to the app's origin: assets/ is served by the app itself, in both shells.
      return <img key={key} src={node.src} alt={node.alt ?? ''} loading="lazy" />
    case 'a':
      return (
        <a key={key} href={node.href} target="_blank" rel="noreferrer noopener">
          {children}
        </a>
      )
    default: {
      const Tag = node.tag
      return <Tag key={key}>{children}</Tag>
    }
  }
}

/** `bodyRef` reaches the rendered body, for mapping selections and drawing highlights. */
export function ArticleBody({ html, bodyRef }: { html: string; bodyRef?: Ref<HTMLDivElement> }) {
  const blocks = useMemo(() => htmlToBlocks(html), [html])
  return (
    <div className="reader-body" data-testid="reader-body" ref={bodyRef}>
      {blocks.map(render)}
    </div>
  )
}
