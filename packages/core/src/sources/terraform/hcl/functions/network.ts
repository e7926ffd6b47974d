import type { FunctionDefinition } from '../expression/evaluate.js';
import { EvaluationError, asNumber, asString } from '../expression/values.js';

/** An IPv4 or IPv6 network: its address as a number, the prefix length, and the address size in bits. */
interface Network {
  readonly address: bigint;
  readonly prefix: number;
  readonly bits: 32 | 128;
}

/**
 * Terraform's IP network functions (`cidrhost`, `cidrnetmask`, `cidrsubnet`, `cidrsubnets`), for IPv4 and IPv6,
 * with Terraform's results and errors: a prefix's host bits are ignored, host numbers may count back from the end
 * of the range, and IPv6 addresses are written in their canonical short form.
 */
export const networkFunctions: Readonly<Record<string, FunctionDefinition>> = {
  cidrhost: {
    minArgs: 2,
    maxArgs: 2,
    call: ([prefix, hostnum]) => {
      const network = parseCidr(asString(prefix ?? null, 'prefix'));
      const host = wholeNumber(asNumber(hostnum ?? null, 'host number'), 'host number');
      const size = 1n << BigInt(network.bits - network.prefix);
      const offset = host < 0n ? size + host : host;
      if (offset < 0n || offset >= size) throw new EvaluationError(`prefix of ${network.prefix} does not accommodate a host numbered ${host}`);
      return formatAddress(network.address + offset, network.bits);
    },
  },
  cidrnetmask: {
    minArgs: 1,
    maxArgs: 1,
    call: ([prefix]) => {
      const network = parseCidr(asString(prefix ?? null, 'prefix'));
      if (network.bits !== 32) throw new EvaluationError('only IPv4 networks have a netmask');
      return formatAddress(mask(network.prefix, 32), 32);
    },
  },
  cidrsubnet: {
    minArgs: 3,
    maxArgs: 3,
    call: ([prefix, newbits, netnum]) => {
      const network = parseCidr(asString(prefix ?? null, 'prefix'));
      const extra = Number(wholeNumber(asNumber(newbits ?? null, 'newbits'), 'newbits'));
      const number = wholeNumber(asNumber(netnum ?? null, 'netnum'), 'netnum');
      return formatCidr(subnet(network, extra, number));
    },
  },
  cidrsubnets: {
    minArgs: 1,
    call: ([prefix, ...rest]) => {
      const network = parseCidr(asString(prefix ?? null, 'prefix'));
      if (rest.length === 0) return [];
      const lengths = rest.map((n, i) => {
        const extra = Number(wholeNumber(asNumber(n ?? null, `newbits ${i + 1}`), `newbits ${i + 1}`));
        if (extra < 1) throw new EvaluationError(`must extend prefix by at least one bit (newbits ${i + 1})`);
        return network.prefix + extra;
      });
      const first = subnet(network, (lengths[0] as number) - network.prefix, 0n);
      const subnets: Network[] = [first];
      let current = first;
      for (let i = 1; i < lengths.length; i++) {
        const length = lengths[i] as number;
        if (length > network.bits) throw new EvaluationError(`would extend prefix to ${length} bits, which is too long for an IPv${network.bits === 32 ? 4 : 6} address`);
        const next = nextSubnet(current, length);
        if (next === undefined || !contains(network, next.address)) throw new EvaluationError(`not enough remaining address space for a subnet with a prefix of ${length} bits after ${formatCidr(current)}`);
        subnets.push(next);
        current = next;
      }
      return subnets.map(formatCidr);
    },
  },
};

function subnet(network: Network, extra: number, number: bigint): Network {
  const prefix = network.prefix + extra;
  if (extra < 0) throw new EvaluationError('newbits must not be negative');
  if (prefix > network.bits) throw new EvaluationError(`insufficient address space to extend prefix of ${network.prefix} by ${extra}`);
  if (number < 0n || number >= 1n << BigInt(extra)) throw new EvaluationError(`prefix extension of ${extra} does not accommodate a subnet numbered ${number}`);
  return { address: network.address | (number << BigInt(network.bits - prefix)), prefix, bits: network.bits };
}

/** The network of `length` bits that follows the one holding the last address of `current`, as Terraform allocates. */
function nextSubnet(current: Network, length: number): Network | undefined {
  const last = current.address | hostMask(current.prefix, current.bits);
  const base = last & mask(length, current.bits);
  const after = (base | hostMask(length, current.bits)) + 1n;
  if (after >= 1n << BigInt(current.bits)) return undefined;
  return { address: after & mask(length, current.bits), prefix: length, bits: current.bits };
}

function contains(network: Network, address: bigint): boolean {
  return (address & mask(network.prefix, network.bits)) === network.address;
}

function mask(prefix: number, bits: number): bigint {
  return ((1n << BigInt(bits)) - 1n) ^ hostMask(prefix, bits);
}

function hostMask(prefix: number, bits: number): bigint {
  return (1n << BigInt(bits - prefix)) - 1n;
}

function wholeNumber(value: number, what: string): bigint {
  if (!Number.isInteger(value)) throw new EvaluationError(`the ${what} must be a whole number, not ${value}`);
  return BigInt(value);
}

/** Parses `10.0.0.0/16` or `fd00::/56`; the address's host bits are cleared, as Terraform does. */
function parseCidr(text: string): Network {
  const slash = text.indexOf('/');
  if (slash < 0) throw new EvaluationError(`invalid CIDR expression: ${JSON.stringify(text)} has no prefix length`);
  const ip = parseAddress(text.slice(0, slash));
  const lengthText = text.slice(slash + 1);
  if (ip === undefined || !/^\d{1,3}$/.test(lengthText)) throw new EvaluationError(`invalid CIDR expression: invalid CIDR address: ${text}`);
  const prefix = Number(lengthText);
  if (prefix > ip.bits) throw new EvaluationError(`invalid CIDR expression: invalid CIDR address: ${text}`);
  return { address: ip.address & mask(prefix, ip.bits), prefix, bits: ip.bits };
}

function parseAddress(text: string): { address: bigint; bits: 32 | 128 } | undefined {
  if (!text.includes(':')) {
    const ipv4 = parseIpv4(text);
    return ipv4 === undefined ? undefined : { address: ipv4, bits: 32 };
  }
  const ipv6 = parseIpv6(text);
  return ipv6 === undefined ? undefined : { address: ipv6, bits: 128 };
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let address = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    address = (address << 8n) | BigInt(Number(part));
  }
  return address;
}

function parseIpv6(text: string): bigint | undefined {
  let body = text;
  // An embedded IPv4 address at the end (`::ffff:10.0.0.1`) stands for the last two groups.
  const lastColon = body.lastIndexOf(':');
  const tail = body.slice(lastColon + 1);
  if (tail.includes('.')) {
    const ipv4 = parseIpv4(tail);
    if (ipv4 === undefined) return undefined;
    body = `${body.slice(0, lastColon + 1)}${(ipv4 >> 16n).toString(16)}:${(ipv4 & 0xffffn).toString(16)}`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const read = (half: string): number[] | undefined => {
    if (half === '') return [];
    const out: number[] = [];
    for (const group of half.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
      out.push(parseInt(group, 16));
    }
    return out;
  };
  const head = read(halves[0] as string);
  const rest = halves.length === 2 ? read(halves[1] as string) : [];
  if (head === undefined || rest === undefined) return undefined;
  const known = head.length + rest.length;
  let groups: number[];
  if (halves.length === 2) {
    if (known > 7) return undefined;
    groups = [...head, ...new Array<number>(8 - known).fill(0), ...rest];
  } else {
    if (known !== 8) return undefined;
    groups = head;
  }
  return groups.reduce((address, group) => (address << 16n) | BigInt(group), 0n);
}

function formatCidr(network: Network): string {
  return `${formatAddress(network.address, network.bits)}/${network.prefix}`;
}

/** Dotted IPv4, or IPv6 in the canonical short form (RFC 5952), as Terraform prints addresses. */
function formatAddress(address: bigint, bits: 32 | 128): string {
  if (bits === 32) return [24n, 16n, 8n, 0n].map((shift) => String((address >> shift) & 0xffn)).join('.');
  // IPv4-mapped addresses print as IPv4, as Go does.
  if (address >> 32n === 0xffffn) return formatAddress(address & 0xffffffffn, 32);
  const groups = Array.from({ length: 8 }, (_, i) => Number((address >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
