import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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

/**
 * A certificate authority in `dir` (ca.pem, ca.key) that issues certificates for Diameter identities, each with the
 * name as CN and subjectAltName and 127.0.0.1 as an address: what freeDiameter wants of its TLS peers.
 */
export function certificateAuthority(dir: string): {
  ca: string;
  issue(name: string): { cert: string; key: string };
} {
  const { cert: ca, key: caKey } = selfSignedCertificate(dir, 'Test CA');
  const run = (args: string[]) => {
    const r = spawnSync('openssl', args, { encoding: 'utf8', timeout: 20_000 });
    if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
  };
  return {
    ca,
    issue(name: string) {
      const key = join(dir, `${name}.key`);
      const csr = join(dir, `${name}.csr`);
      const cert = join(dir, `${name}.pem`);
      const ext = join(dir, `${name}.ext`);
      writeFileSync(ext, `subjectAltName=DNS:${name},IP:127.0.0.1\n`);
      run(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-keyout', key, '-out', csr]);
      run([
        'x509',
        '-req',
        '-in',
        csr,
        '-CA',
        ca,
        '-CAkey',
        caKey,
        '-CAcreateserial',
        '-days',
        '30',
        '-extfile',
        ext,
        '-out',
        cert,
      ]);
      return { cert, key };
    },
  };
}
