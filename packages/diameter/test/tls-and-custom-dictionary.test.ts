import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeMessage } from '../src/codec/decoder.js';
import { encodeMessage } from '../src/codec/encoder.js';
import { base } from '../src/dictionary/applications/base.js';
import { defineApplication } from '../src/dictionary/definitions.js';
import { Dictionary } from '../src/dictionary/dictionary.js';
import { buildMessage } from '../src/dictionary/message-builder.js';
import { validateMessage } from '../src/dictionary/validator.js';
import { loadWiresharkDictionary } from '../src/dictionary/wireshark-xml.js';
import { selfSignedCertificate } from './support/certificate.js';
import { messageHandler } from '../src/peer/message-handler.js';
import { PeerConnection } from '../src/peer/peer-connection.js';
import { parsePeerConfig } from '../src/peer/peer-options.js';
import { DiameterServer } from '../src/server/diameter-server.js';

describe('TLS transport (RFC 6733 §13, TLS from the first byte)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diameter-tls-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exchanges capabilities and requests over TLS with a certificate the client verifies', async () => {
    selfSignedCertificate(dir, 'localhost', ['DNS:localhost', 'IP:127.0.0.1']);
    const key = readFileSync(join(dir, 'key.pem'));
    const cert = readFileSync(join(dir, 'cert.pem'));
    const server = new DiameterServer({
      originHost: 'tls-server.test',
      originRealm: 'test',
      authApplicationIds: [4],
      tlsServer: { key, cert },
      requestHandler: messageHandler(() => ({ resultCode: 2001 })),
    });
    const { port } = await server.listen(0, '127.0.0.1');
    const client = new PeerConnection({
      config: parsePeerConfig({
        originHost: 'tls-client.test',
        originRealm: 'test',
        authApplicationIds: [4],
        reconnect: false,
        tls: { ca: cert },
      }),
      host: '127.0.0.1',
      port,
    });
    try {
      await client.connect();
      expect(client.capabilities!.originHost).toBe('tls-server.test');
      const answer = await client.request(
        buildMessage(client.dictionary, 'STR', {
          'Session-Id': 'tls;1',
          'Origin-Host': 'tls-client.test',
          'Origin-Realm': 'test',
          'Destination-Realm': 'test',
          'Auth-Application-Id': 4,
          'Termination-Cause': 'DIAMETER_LOGOUT',
        }),
      );
      expect(answer.get('Result-Code')).toBe(2001);
      // An untrusted certificate is refused.
      const stranger = new PeerConnection({
        config: parsePeerConfig({
          originHost: 'tls-client2.test',
          originRealm: 'test',
          authApplicationIds: [4],
          reconnect: false,
          tls: {},
        }),
        host: '127.0.0.1',
        port,
      });
      await expect(stranger.connect()).rejects.toThrow(/certificate/);
      // Plain Diameter bytes on the TLS port: refused with the reason, the server goes on.
      const refused = new Promise<{ reason: string }>((resolve) => server.once('refused', resolve));
      const plain = net.connect(port, '127.0.0.1');
      plain.on('error', () => undefined);
      plain.write(Buffer.from([1, 0, 0, 20, 0x80, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]));
      expect((await refused).reason).toMatch(/^TLS handshake failed: /);
      plain.destroy();
      expect(server.refusedCount).toBe(1);
    } finally {
      client.destroy();
      await server.close({ drainTimeout: 10 });
    }
  });
});

describe('your own application', () => {
  it('declared in code: decoded, validated and built by name', () => {
    const myApp = defineApplication({
      id: 16777999,
      name: 'My-App',
      kind: 'auth',
      vendorId: 99999,
      spec: 'internal spec v1',
      avps: [
        { name: 'My-Counter', code: 1, vendorId: 99999, type: 'Unsigned64', mandatory: 'mustnot' },
        { name: 'My-Colour', code: 2, vendorId: 99999, type: 'Enumerated', values: { RED: 1, GREEN: 2 } },
        {
          name: 'My-Group',
          code: 3,
          vendorId: 99999,
          type: 'Grouped',
          grouped: '{ My-Colour } *[ My-Counter ]',
        },
      ],
      commands: [
        {
          code: 9000,
          name: 'My-Thing',
          short: ['MTR', 'MTA'],
          proxiable: true,
          request: '< Session-Id > { Origin-Host } { Origin-Realm } { My-Group } *[ AVP ]',
          answer: '< Session-Id > { Result-Code } { Origin-Host } { Origin-Realm } *[ AVP ]',
        },
      ],
    });
    const dict = new Dictionary([base, myApp]);
    const m = buildMessage(dict, 'MTR', {
      'Session-Id': 's;1',
      'Origin-Host': 'a',
      'Origin-Realm': 'b',
      'My-Group': { 'My-Colour': 'GREEN', 'My-Counter': [1n, 2n ** 60n] },
    });
    expect(m.applicationId).toBe(16777999);
    const decoded = decodeMessage(encodeMessage(m), dict);
    expect(decoded.getAll('My-Group.My-Counter')).toEqual([1n, 2n ** 60n]);
    expect(validateMessage(decoded, dict)).toBeUndefined();
    decoded.avps = decoded.avps.filter((a) => a.code !== 3);
    expect(validateMessage(decoded, dict)!.resultCode).toBe(5005);
  });

  it("loaded from Wireshark's XML format", () => {
    const xml = `<?xml version="1.0"?>
      <dictionary>
        <vendor vendor-id="Acme" code="4242" name="Acme Inc."/>
        <application id="16777998" name="Acme Charging">
          <command name="Acme-Charge" code="9001" vendor-id="Acme"/>
          <avp name="Acme-Units" code="10" mandatory="must" vendor-bit="must" vendor-id="Acme">
            <type type-name="Unsigned32"/>
          </avp>
          <avp name="Acme-Mode" code="11" mandatory="mustnot" vendor-bit="must" vendor-id="Acme">
            <type type-name="Enumerated"/>
            <enum name="FAST" code="0"/><enum name="SLOW" code="1"/>
          </avp>
          <avp name="Acme-Host" code="12" vendor-bit="must" vendor-id="Acme"><type type-name="IPAddress"/></avp>
          <avp name="Acme-Bundle" code="13" vendor-bit="must" vendor-id="Acme">
            <grouped><gavp name="Acme-Units"/><gavp name="Acme-Mode"/></grouped>
          </avp>
        </application>
      </dictionary>`;
    const apps = loadWiresharkDictionary(xml, 'acme.xml');
    expect(apps).toHaveLength(1);
    const dict = new Dictionary([base, ...apps]);
    expect(dict.avpByName('Acme-Host')!.type).toBe('Address');
    expect(dict.avpByName('Acme-Mode')!.valueName(1)).toBe('SLOW');
    const m = buildMessage(dict, 'Acme-Charge', {
      'Session-Id': 's;2',
      'Origin-Host': 'a',
      'Origin-Realm': 'b',
      'Acme-Bundle': { 'Acme-Units': 5, 'Acme-Mode': 'SLOW' },
      'Acme-Host': '2001:db8::9',
    });
    const decoded = decodeMessage(encodeMessage(m), dict);
    expect(decoded.get('Acme-Bundle.Acme-Mode')).toBe(1);
    expect(decoded.get('Acme-Host')).toBe('2001:db8::9');
    expect(decoded.avp('Acme-Mode')).toBeUndefined();
    expect(decoded.avp('Acme-Bundle.Acme-Mode')!.flags).toBe(0x80);
  });
});
