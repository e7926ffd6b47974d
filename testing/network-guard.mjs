// A preload (`node --import testing/network-guard.mjs ...`) that fails every network use of the process: TCP and
// TLS connections (net.Socket#connect, which http, https, fetch and the AWS and Azure SDKs go through), DNS lookups
// and UDP sockets. Each attempt throws, and is appended to the file named by TRUSTSCAN_NETWORK_LOG, so a test can
// prove that a command made none. Worker threads inherit the preload with the process's execArgv.
import { appendFileSync } from 'node:fs';
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';

const log = process.env.TRUSTSCAN_NETWORK_LOG;

function refuse(what) {
  const message = `trustscan network guard: ${what} was attempted`;
  if (log) appendFileSync(log, `${message}\n`);
  throw new Error(message);
}

const describeTarget = (args) => {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null) return first.path ?? `${first.host ?? 'localhost'}:${first.port}`;
  return typeof first === 'string' && second === undefined ? first : `${second ?? 'localhost'}:${first}`;
};

net.Socket.prototype.connect = function connect(...args) {
  refuse(`a connection to ${describeTarget(Array.isArray(args[0]) ? args[0] : args)}`);
};
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse']) {
  dns[name] = (host) => refuse(`a DNS lookup (dns.${name} ${host})`);
  dns.promises[name] = async (host) => refuse(`a DNS lookup (dns.promises.${name} ${host})`);
}
dgram.createSocket = () => refuse('a UDP socket');
