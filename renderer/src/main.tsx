// Entry point: picks the API transport, applies the theme before the first paint, mounts the app.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { createClient } from './api/client.ts'
import { ClientContext } from './api/client-context.ts'
import { answerFlushRequests } from './api/flush-before-close.ts'
import { StartupError } from './components/StartupError.tsx'
import { applyTheme, loadThemeChoice, resolveTheme, systemPrefersDark } from './theme/theme.ts'
import './styles/tokens.css'
import './styles/base.css'
import './styles/layout.css'
import './styles/sidebar.css'
import './styles/library.css'
import './styles/search.css'
import './styles/reader.css'
import './styles/overlays.css'
import './styles/tags.css'

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
