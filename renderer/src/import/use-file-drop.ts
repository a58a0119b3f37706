// Files dragged anywhere over the window: says when to show the drop overlay and hands the
// dropped files on. Drags that carry no files (text, links) are left alone.
import { useEffect, useRef, useState } from 'react'
import { useLatest } from '../ui/use-latest.ts'

function carriesFiles(e: DragEvent): boolean {
  return e.dataTransfer !== null && [...e.dataTransfer.types].includes('Files')
}

export function useFileDrop(onFiles: (files: File[]) => void): boolean {
  const [active, setActive] = useState(false)
  const depth = useRef(0)
  const handler = useLatest(onFiles)

  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      depth.current += 1
      setActive(true)
    }
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setActive(false)
    }
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      depth.current = 0
      setActive(false)
      const files = [...(e.dataTransfer?.files ?? [])]
      if (files.length > 0) handler.current(files)
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [handler])

  return active
}
