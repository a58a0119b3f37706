// Entry point: picks the API transport, applies the theme before the first paint, mounts the app.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { createClient } from './api/client.ts'
import { ClientContext } from './api/client-context.ts'
import { answerFlushRequests } from './api/flush-before-close.ts'
import { StartupError } from './app/StartupError.tsx'
import { applyTheme, loadThemeChoice, resolveTheme, systemPrefersDark } from './settings/index.ts'
// The global sheets, then the older feature sheets in the cascade order they were written for
// (a feature's newer sheets are imported by its own components).
import './styles/tokens.css'
import './styles/base.css'
import './styles/layout.css'
import './app/sidebar.css'
import './library/library.css'
import './search/search.css'
import './reader/reader.css'
import './reader/article-body.css'
import './ui/toasts.css'
import './import/import-panel.css'
import './ui/dialog.css'
import './app/startup-error.css'
import './ui/menu.css'
import './ui/fields.css'
import './tags/tags.css'
import './library/selection.css'
import './app/shortcut-sheet.css'

applyTheme(resolveTheme(loadThemeChoice(), systemPrefersDark().matches))

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root element')

const choice = createClient()
// The desktop window asks the page to save what is pending before it closes.
if (choice.ok) answerFlushRequests(choice.client)
createRoot(rootElement).render(
  <StrictMode>
    {choice.ok ? (
      <ClientContext value={choice.client}>
        <App />
      </ClientContext>
    ) : (
      <StartupError message={choice.reason} />
    )}
  </StrictMode>,
)
