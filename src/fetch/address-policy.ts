// Which IP addresses Ringkas may connect to when fetching an admin-supplied URL.
// Only public unicast addresses pass; everything that could reach inside the
// network the bot runs in (loopback, private, link-local/metadata, CGNAT, ...)
// is refused. Classification is ipaddr.js's, never the `ip` package (known bypasses).
import ipaddr from 'ipaddr.js';
import { RingkasError } from '../errors.js';

export type AddressVerdict =
  | { allowed: true }
  | { allowed: false; reason: 'loopback' | 'private' | 'link_local' | 'not_public' | 'invalid' };

const REFUSAL_SENTENCES: Record<Exclude<AddressVerdict, { allowed: true }>['reason'], string> = {
  loopback: 'That address points back at the machine Ringkas runs on, so Ringkas will not fetch it.',
  private: 'That address is inside a private network, so Ringkas will not fetch it.',
  link_local: 'That address is a link-local or cloud metadata address, so Ringkas will not fetch it.',
  not_public: 'That address is not a public internet address, so Ringkas will not fetch it.',
  invalid: 'That address could not be understood, so Ringkas will not fetch it.',
};

/** Classifies one resolved address. IPv6 forms that embed an IPv4 address are judged by that address. */
export function classifyAddress(address: string): AddressVerdict {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(stripBrackets(address).replace(/%.*$/, ''));
  } catch {
    return { allowed: false, reason: 'invalid' };
  }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    // ::ffff:a.b.c.d and the deprecated ::a.b.c.d both carry an IPv4 address that the
    // kernel may route as IPv4: judge the embedded address.
    if (v6.isIPv4MappedAddress() || isIpv4Compatible(v6)) return classifyRange(embeddedIpv4(v6).range());
  }
  return classifyRange(parsed.range());
}

function classifyRange(range: string): AddressVerdict {
  switch (range) {
    case 'unicast':
      return { allowed: true };
    case 'loopback':
      return { allowed: false, reason: 'loopback' };
    case 'private':
    case 'uniqueLocal':
    case 'carrierGradeNat':
    case 'deprecatedSiteLocal':
      return { allowed: false, reason: 'private' };
    case 'linkLocal':
      return { allowed: false, reason: 'link_local' };
    default:
      // unspecified, broadcast, multicast, reserved, NAT64/6to4/Teredo (may tunnel to an
      // internal IPv4), documentation ranges: nothing an article lives on.
      return { allowed: false, reason: 'not_public' };
  }
}

function isIpv4Compatible(v6: ipaddr.IPv6): boolean {
  const p = v6.parts;
  return p[0] === 0 && p[1] === 0 && p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0 && (p[6] !== 0 || (p[7] ?? 0) > 1);
}

function embeddedIpv4(v6: ipaddr.IPv6): ipaddr.IPv4 {
  const hi = v6.parts[6] ?? 0;
  const lo = v6.parts[7] ?? 0;
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}

export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

export function refusalFor(verdict: AddressVerdict): RingkasError | null {
  if (verdict.allowed) return null;
  return new RingkasError('fetch_refused', REFUSAL_SENTENCES[verdict.reason]);
}

/**
 * The opt-in exception list (RINGKAS_FETCH_ALLOW_PRIVATE_HOSTS): host names, IP
 * addresses or CIDR ranges that may be fetched although private. Empty by default.
 */
export class PrivateHostAllowList {
  private readonly names = new Set<string>();
  private readonly ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];

  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const entry = stripBrackets(raw.trim().toLowerCase());
      if (!entry) continue;
      if (ipaddr.isValidCIDR(entry)) this.ranges.push(ipaddr.parseCIDR(entry));
      else if (ipaddr.isValid(entry)) {
        const ip = ipaddr.parse(entry);
        this.ranges.push([ip, ip.kind() === 'ipv4' ? 32 : 128]);
      } else this.names.add(entry);
    }
  }

  get isEmpty(): boolean {
    return this.names.size === 0 && this.ranges.length === 0;
  }

  allowsHost(hostname: string): boolean {
    return this.names.has(stripBrackets(hostname).toLowerCase());
  }

  allowsAddress(address: string): boolean {
    if (this.ranges.length === 0) return false;
    let ip: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      ip = ipaddr.process(stripBrackets(address).replace(/%.*$/, ''));
    } catch {
      return false;
    }
    return this.ranges.some(([base, bits]) => base.kind() === ip.kind() && ip.match(base, bits));
  }
}

/** The check used at every connection: allowed when public, or when the allow-list names the host or address. */
export function checkConnectTarget(hostname: string, address: string, allow: PrivateHostAllowList): RingkasError | null {
  if (allow.allowsHost(hostname) || allow.allowsAddress(address)) return null;
  return refusalFor(classifyAddress(address));
}
