// Reads a dropped or picked file as base64, the form 'import:upload' carries bytes in.

/** Resolves with the file's bytes as base64; rejects when the file cannot be read (a folder). */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : ''
      const comma = url.indexOf(',')
      resolve(comma >= 0 ? url.slice(comma + 1) : '')
    }
    reader.onerror = () => reject(new Error('the file could not be read'))
    reader.readAsDataURL(file)
  })
}
