// Pictures the app may show: only those stored in the archive (assets/<sha256>.<ext>, served by
// the app itself). A record from an older Quire may still name a web address as its lead image;
// that is never loaded, so reading and listing ask nothing of the network.
const STORED = /^assets\/[0-9a-f]{64}\.(?:png|jpg|gif|webp|avif|bmp|ico)$/

export function storedImage(src: string | undefined): string | undefined {
  return src && STORED.test(src) ? src : undefined
}
