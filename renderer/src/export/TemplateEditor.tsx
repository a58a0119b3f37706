// The Markdown template's three patterns (title, file name, each highlight) with the
// placeholders each one knows, and Reset back to Quire's defaults.
import type { ExportTemplate } from '../../../shared/api.ts'
import { Button } from '../ui/Button.tsx'

interface Props {
  /** What the fields show; undefined while the defaults are still on their way. */
  value: ExportTemplate | undefined
  /** True when the person has changed the template (Reset has something to undo). */
  custom: boolean
  onChange(next: ExportTemplate): void
  onReset(): void
}

const ARTICLE_PLACEHOLDERS = '{{title}} {{date}} {{source}} {{authors}} {{id}}'
const HIGHLIGHT_PLACEHOLDERS = '{{quote}} {{note}} {{color}} {{tags}} {{link}} {{blockId}} {{date}}'

export function TemplateEditor({ value, custom, onChange, onReset }: Props) {
  const set = (field: keyof ExportTemplate) => (text: string) => {
    if (value) onChange({ ...value, [field]: text })
  }
  return (
    <fieldset className="export-template" disabled={!value}>
      <legend className="export-template-legend">Template</legend>
      <div className="export-template-row">
        <label className="export-field">
          <span className="field-label">Title</span>
          <input
            className="text-input"
            value={value?.title ?? ''}
            aria-describedby="export-article-placeholders"
            spellCheck={false}
            onChange={(e) => set('title')(e.currentTarget.value)}
          />
        </label>
        <label className="export-field">
          <span className="field-label">File name</span>
          <input
            className="text-input"
            value={value?.fileName ?? ''}
            aria-describedby="export-article-placeholders"
            spellCheck={false}
            onChange={(e) => set('fileName')(e.currentTarget.value)}
          />
        </label>
      </div>
      <p className="export-hint" id="export-article-placeholders">
        Placeholders: <code>{ARTICLE_PLACEHOLDERS}</code>
      </p>
      <label className="export-field">
        <span className="field-label">Each highlight</span>
        <textarea
          className="text-input export-textarea"
          value={value?.highlight ?? ''}
          rows={4}
          aria-describedby="export-highlight-placeholders"
          spellCheck={false}
          onChange={(e) => set('highlight')(e.currentTarget.value)}
        />
      </label>
      <div className="export-template-foot">
        <p className="export-hint" id="export-highlight-placeholders">
          Placeholders: <code>{HIGHLIGHT_PLACEHOLDERS}</code>. A line whose placeholders are all
          empty is left out.
        </p>
        <Button disabled={!custom} onClick={onReset}>
          Reset
        </Button>
      </div>
    </fieldset>
  )
}
