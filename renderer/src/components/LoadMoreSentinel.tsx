// An invisible line at the end of the list that asks for the next page as it scrolls near.
import { useEffect, useRef } from 'react'

interface Props {
  onVisible(): void
}

export function LoadMoreSentinel({ onVisible }: Props) {
  const el = useRef<HTMLLIElement>(null)
  const callback = useRef(onVisible)
  useEffect(() => {
    callback.current = onVisible
  }, [onVisible])
  useEffect(() => {
    const node = el.current
    if (!node) return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) callback.current()
      },
      { rootMargin: '600px 0px' },
    )
    observer.observe(node)
    return () => observer.disconnect()
  }, [])
  return <li ref={el} className="load-more" role="presentation" aria-hidden="true" />
}
