// Shown instead of the app when this window cannot reach an archive at all.
import { Icon } from '../ui/Icon.tsx'
import { Wordmark } from './Wordmark.tsx'

export function StartupError({ message }: { message: string }) {
  return (
    <main className="startup-error" role="alert">
      <Wordmark />
      <div className="startup-error-card">
        <Icon name="alert" size={24} />
        <h1>Quire can’t open the archive</h1>
        <p>{message}</p>
      </div>
    </main>
  )
}
