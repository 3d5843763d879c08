import { isIPv6 } from 'node:net';

/**
 * The network an address belongs to, as rate limits count it: an IPv4 address itself, an IPv6
 * address's /64. A home or mobile IPv6 connection is handed a whole /64, so limiting single addresses
 * let one phone send from a fresh address each time (a security review of the public report form).
 */
export function rateNetwork(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // "a:b::c" fills the gap with zeros to eight groups; a zone ("%eth0") is not part of the network.
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g.split('%')[0]!, 16) || 0).toString(16))
    .join(':')}::/64`;
}
