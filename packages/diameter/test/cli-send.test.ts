import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDictionary } from '../src/dictionary/default-dictionary.js';
import { messageToJson, type MessageJson } from '../src/dictionary/json-form.js';
import { buildMessage } from '../src/dictionary/message-builder.js';
import { messageHandler } from '../src/peer/message-handler.js';
import { DiameterServer } from '../src/server/diameter-server.js';

/** `diameter send`: the CLI as a one-shot Diameter client against a real server on loopback. */
const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'node_modules/.bin/diameter');
const dict = defaultDictionary();

function run(
  args: string[],
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

function str(session: string): MessageJson {
  return messageToJson(
    buildMessage(dict, 'STR', {
      'Session-Id': session,
      'Origin-Host': 'client.cli.test',
      'Origin-Realm': 'cli.test',
      'Destination-Realm': 'server.test',
      'Auth-Application-Id': 4,
      'Termination-Cause': 'DIAMETER_LOGOUT',
    }),
    dict,
  );
}

describe.skipIf(!existsSync(join(root, 'packages/diameter/dist/src/cli/diameter.js')))(
  'diameter send',
  () => {
    const peers: string[] = [];
    const server = new DiameterServer({
      originHost: 'server.test',
      originRealm: 'server.test',
      authApplicationIds: [4],
      requestHandler: messageHandler((request) => ({
        resultCode: request.get<string>('Session-Id')!.endsWith(';refuse') ? 5012 : 2001,
      })),
    });
    server.on('peer', (c) => peers.push(c.capabilities!.originHost));
    let port = 0;
    beforeAll(async () => {
      ({ port } = await server.listen(0, '127.0.0.1'));
    });
    afterAll(() => server.close({ drainTimeout: 20 }));

    it('sends each request as the peer it names, prints each answer, exits 0 when all are 2xxx', async () => {
      const { code, stdout, stderr } = await run(
        ['send', `127.0.0.1:${port}`],
        JSON.stringify([str('cli;1'), str('cli;2')]),
      );
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const answers = stdout
        .trim()
        .split(/\n(?=\{)/)
        .map((t) => JSON.parse(t) as MessageJson);
      expect(answers.map((a) => a.command)).toEqual(['STA', 'STA']);
      const value = (a: MessageJson, name: string) => a.avps.find((x) => x.name === name)?.value;
      expect(answers.map((a) => value(a, 'Session-Id'))).toEqual(['cli;1', 'cli;2']);
      expect(answers.map((a) => value(a, 'Result-Code'))).toEqual([2001, 2001]);
      expect(peers.at(-1)).toBe('client.cli.test'); // the CER carried the request's Origin-Host
    });

    it('exits 3 when an answer is not 2xxx, 1 when there is no peer, 2 for an answer given as input', async () => {
      const refused = await run(['send', `127.0.0.1:${port}`, '--text'], JSON.stringify(str('cli;refuse')));
      expect(refused.code).toBe(3);
      expect(refused.stdout).toMatch(/Result-Code.*5012/);
      expect(refused.stderr).toContain('1 of 1 answers were not 2xxx');

      const closed = await run(['send', '127.0.0.1:1', '--timeout', '1000'], JSON.stringify(str('cli;3')));
      expect(closed.code).toBe(1);
      expect(closed.stderr).toMatch(/ECONNREFUSED|connect/);

      const answer = messageToJson(
        buildMessage(
          dict,
          'STA',
          { 'Session-Id': 'x', 'Result-Code': 2001, 'Origin-Host': 'a', 'Origin-Realm': 'b' },
          { request: false },
        ),
        dict,
      );
      const notRequest = await run(['send', `127.0.0.1:${port}`], JSON.stringify(answer));
      expect(notRequest.code).toBe(2);
      expect(notRequest.stderr).toMatch(/is an answer/);
    });
  },
);
