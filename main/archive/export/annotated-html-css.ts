// The inline stylesheet of the annotated HTML export: reading, highlight colours, print.
export const ANNOTATED_CSS = `
:root { color-scheme: light; }
body { font: 17px/1.6 Georgia, "Noto Serif", serif; color: #1d1d1f; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 .5rem; }
.subtitle { font-size: 1.15rem; color: #444; margin: 0 0 .5rem; }
.meta, .h-meta, .count { color: #666; font: 14px/1.4 system-ui, sans-serif; }
.tag { display: inline-block; font: 13px/1.4 system-ui, sans-serif; background: #eee; border-radius: 4px; padding: 0 .4em; }
.article-note, .note { background: #f6f6f4; border-left: 3px solid #bbb; padding: .25rem .9rem; }
.body img { max-width: 100%; height: auto; }
.highlights ol { padding-left: 1.4rem; }
.highlights li { margin: 0 0 1.2rem; }
.highlights blockquote { margin: 0; }
.q-ref { font: 11px system-ui, sans-serif; }
.q-ref a { text-decoration: none; }
mark { color: inherit; border-radius: 2px; }
mark.q-yellow { background: #fff3a3; }
mark.q-green { background: #c8f0c0; }
mark.q-blue { background: #c4defc; }
mark.q-pink { background: #fbcfe2; }
mark.q-purple { background: #e0d0fa; }
.toc ol { padding-left: 1.4rem; }
.quire-article + .quire-article { border-top: 1px solid #ccc; margin-top: 3rem; padding-top: 2rem; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  .quire-article + .quire-article { break-before: page; border: 0; margin: 0; padding: 0; }
  .highlights li, blockquote, figure, img { break-inside: avoid; }
  mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1, h2 { break-after: avoid; }
}
`
