// The article's lead image, stored offline with its body: the thumbnail of the library list and
// the picture at the top of the reader. It goes through the same image step as the body's
// pictures (localise-images: type checks, size caps, private-address rules for downloads), so
// nothing is ever loaded from the network when the list or the reader shows it.
import type { ImageRef } from './extracted.ts'
import type { ImageSource, PipelineContext } from './pipeline-context.ts'
import { escapeAttr } from './html/serialize.ts'

type Localise = NonNullable<PipelineContext['localiseImages']>

/** Between the body and the lead image while both go through the image step in one pass. */
const SEAM = '\n<!--quire-lead-image-->\n'
const ASSET_IMG = /<img src="(assets\/[0-9a-f]{64}\.[a-z]+)"([^>]*)>/g
/** A body picture this small on either side is an icon or a spacer, not a lead image. */
const MIN_SIDE = 100

/** The name a path or address ends with, for matching a page's og:image to a saved file. */
function fileName(src: string): string | undefined {
  try {
    const path = /^[a-z][a-z0-9+.-]*:/i.test(src) ? new URL(src).pathname : src.split(/[?#]/)[0]!
    const name = decodeURIComponent(path.split('/').pop() ?? '')
    return name === '' ? undefined : name.toLowerCase()
  } catch {
    return undefined
  }
}

/**
 * Where to take the lead image from: the page's own (og:image and the like) when it can be had
 * from here (inline, beside the file, or downloaded for pages fetched from the web); for a page
 * saved to disk whose og:image is on the web, the saved copy of that picture among its files.
 */
export function leadSource(
  lead: string | undefined,
  images: readonly ImageRef[],
  from: ImageSource,
): string | undefined {
  if (!lead) return undefined
  if (lead.startsWith('data:') || from.remote || !/^https?:/i.test(lead)) return lead
  const name = fileName(lead)
  if (!name) return undefined
  return images.find((i) => !/^(?:https?|data):/i.test(i.src) && fileName(i.src) === name)?.src
}

/** The first stored picture of a body that is not marked as tiny. */
export function firstBodyAsset(body: string): string | undefined {
  for (const m of body.matchAll(ASSET_IMG)) {
    const sides = [/\swidth="(\d+)"/.exec(m[2]!)?.[1], /\sheight="(\d+)"/.exec(m[2]!)?.[1]]
    if (sides.every((v) => v === undefined || Number(v) >= MIN_SIDE)) return m[1]
  }
  return undefined
}

/**
 * Stores the body's images and the lead image in one pass (a picture used in both is fetched
 * once) and returns the body with local srcs and the lead image's asset URL: the page's lead
 * image, else the body's first sizeable picture, else none. Rethrows a failed store write.
 */
export async function localiseWithLead(
  body: string,
  images: readonly ImageRef[],
  lead: string | undefined,
  localise: Localise,
  from: ImageSource,
): Promise<{ body: string; leadImage?: string }> {
  const src = leadSource(lead, images, from)
  if (!src) {
    const out = images.length > 0 ? await localise(body, [...images], from) : body
    const first = firstBodyAsset(out)
    return first ? { body: out, leadImage: first } : { body: out }
  }
  const joined = await localise(
    `${body}${SEAM}<img src="${escapeAttr(src)}">`,
    [...images, { src }],
    from,
  )
  const at = joined.lastIndexOf(SEAM)
  const out = at < 0 ? joined : joined.slice(0, at)
  const leadImage = firstBodyAsset(at < 0 ? '' : joined.slice(at)) ?? firstBodyAsset(out)
  return leadImage ? { body: out, leadImage } : { body: out }
}
