import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';
import { ConfigError, type GatewayConfig } from './config.js';

/**
 * The gateway's TLS settings turned into node:tls options, once at start-up. The PEM files are read and tried in
 * a secure context here, so a missing file, a key that does not match its certificate or a CA file that holds no
 * certificate stops the start with the field named, instead of failing the first handshake minutes later.
 */
export interface TlsMaterial {
  /** For the Logic App side (undefined: plain TCP). */
  readonly server: tls.TlsOptions | undefined;
  /** For DRAs marked `tls`: verify against tlsCa (else the system's CAs), present our certificate if we have one. */
  readonly client: tls.ConnectionOptions;
}

export function loadTlsMaterial(config: GatewayConfig): TlsMaterial {
  const cert = config.tlsCert === undefined ? undefined : readPem('tlsCert', config.tlsCert, CERTIFICATE);
  const key = config.tlsKey === undefined ? undefined : readPem('tlsKey', config.tlsKey, PRIVATE_KEY);
  const ca = config.tlsCa === undefined ? undefined : readPem('tlsCa', config.tlsCa, CERTIFICATE);
  if (cert !== undefined) tryContext('tlsCert', { cert });
  if (key !== undefined) tryContext('tlsKey', { key });
  if (cert !== undefined && key !== undefined) tryContext('tlsKey', { cert, key });
  if (ca !== undefined) tryContext('tlsCa', { ca });
  const own = cert !== undefined && key !== undefined ? { cert, key } : {};
  return {
    server: config.listenTls
      ? {
          ...own,
          ...(ca !== undefined && { ca }),
          requestCert: config.tlsVerifyClients,
          rejectUnauthorized: config.tlsVerifyClients,
          // A client that opens TCP and never finishes the handshake holds a slot: not for Node's default 120 s.
          handshakeTimeout: 10_000,
        }
      : undefined,
    client: { ...own, ...(ca !== undefined && { ca }) },
  };
}

const CERTIFICATE = { name: 'certificate', begin: /-----BEGIN CERTIFICATE-----/ };
const PRIVATE_KEY = { name: 'private key', begin: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ };

/** A PEM file holding at least one block of the kind (node:tls takes a CA file of keys without a word). */
function readPem(field: string, path: string, kind: { name: string; begin: RegExp }): Buffer {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    throw new ConfigError(field, `cannot read ${path}: ${(error as Error).message}`);
  }
  if (!kind.begin.test(data.toString('latin1')))
    throw new ConfigError(field, `${path} holds no PEM ${kind.name}`);
  return data;
}

function tryContext(field: string, options: tls.SecureContextOptions): void {
  try {
    tls.createSecureContext(options);
  } catch (error) {
    throw new ConfigError(field, (error as Error).message);
  }
}
