// Lets components pass CSS custom properties (`--tag-color`) through React's style prop.
import 'react'

declare module 'react' {
  interface CSSProperties {
    [name: `--${string}`]: string | number | undefined
  }
}
