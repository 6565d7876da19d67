import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** A self-signed certificate and key (openssl) in `dir`, as cert.pem and key.pem; returns their paths. */
export function selfSignedCertificate(
  dir: string,
  commonName: string,
  altNames: string[] = [],
): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-subj', `/CN=${commonName}`];
  if (altNames.length > 0) args.push('-addext', `subjectAltName=${altNames.join(',')}`);
  const openssl = spawnSync('openssl', [...args, '-keyout', key, '-out', cert], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (openssl.status !== 0) throw new Error(`openssl failed: ${openssl.stderr}`);
  return { cert, key };
}
