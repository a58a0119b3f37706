// Which IP addresses a fetch made on the user's behalf must not reach: loopback, private and
// link-local networks, carrier-grade NAT, cloud metadata, multicast and reserved space.
import { isIP } from 'node:net'

/** [first address as a 32-bit number, prefix length] */
const V4_BLOCKED: [string, number][] = [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 reaches the local host
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT (and 100.100.100.200, Alibaba's metadata)
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, incl. 169.254.169.254 cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
]

/** Whether `ip` (an IPv4 or IPv6 literal) is not on the public internet. Unparseable counts as private. */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const family = isIP(bare)
  if (family === 4) return isPrivateV4(v4Number(bare))
  if (family === 6) return isPrivateV6(v6Groups(bare))
  return true
}

function isPrivateV4(n: number): boolean {
  return V4_BLOCKED.some(([net, bits]) => {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0
    return (n & mask) >>> 0 === (v4Number(net) & mask) >>> 0
  })
}

function isPrivateV6(g: number[]): boolean {
  const [a = 0, b = 0] = g
  if (g.every((x) => x === 0)) return true // ::
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true // ::1
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d)
  // reach the embedded IPv4 address: judge that one.
  const embedded = ((g[6]! << 16) | g[7]!) >>> 0
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0))
    return isPrivateV4(embedded)
  if (a === 0x64 && b === 0xff9b && g.slice(2, 6).every((x) => x === 0))
    return isPrivateV4(embedded)
  if (a === 0x2002) return isPrivateV4(((b << 16) | g[2]!) >>> 0) // 6to4
  if ((a & 0xfe00) === 0xfc00) return true // unique local fc00::/7 (fd00:ec2::254 metadata)
  if ((a & 0xffc0) === 0xfe80) return true // link-local
  if ((a & 0xffc0) === 0xfec0) return true // old site-local
  if ((a & 0xff00) === 0xff00) return true // multicast
  if (a === 0x2001 && b === 0x0db8) return true // documentation
  return false
}

function v4Number(ip: string): number {
  return ip.split('.').reduce((n, part) => ((n << 8) | Number(part)) >>> 0, 0)
}

/** The eight 16-bit groups of an IPv6 literal (isIP already said it is one). */
function v6Groups(ip: string): number[] {
  let text = ip.toLowerCase()
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (v4) {
    const n = v4Number(v4[1]!)
    text = text.slice(0, v4.index) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const h = head ? head.split(':') : []
  const t = tail ? tail.split(':') : []
  const fill = tail === undefined ? [] : Array<string>(8 - h.length - t.length).fill('0')
  return [...h, ...fill, ...t].map((x) => parseInt(x, 16))
}
