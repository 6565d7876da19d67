// `ws-client --user alice --gateway ws://localhost:8080/ws[,ws://localhost:8081/ws]`: the seed's REPL
// (`send bob Hello`), plus `help` and `quit`, with heartbeats and failover across the given gateways.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { signToken } from '../auth.js';
import { GatewayClient } from '../client/gateway-client.js';

const HELP = `Commands:
  send <user> <message>   send a message
  help                    this text
  quit                    disconnect and exit
`;

function usage(problem: string): never {
  process.stderr.write(
    `ws-client: ${problem}\nUsage: ws-client --user alice [--gateway ws://localhost:8080/ws[,ws://...]] ` +
      `[--token JWT | --secret SHARED_SECRET] [--heartbeat-ms 30000]\n`,
  );
  process.exit(2);
}

let values: { user?: string; gateway?: string[]; token?: string; secret?: string; 'heartbeat-ms'?: string };
try {
  // The seed writes `-user alice`: accept single-dash long flags too.
  const args = process.argv.slice(2).map((a) => (/^-[a-z]{2,}/.test(a) ? `-${a}` : a));
  ({ values } = parseArgs({
    args,
    options: {
      user: { type: 'string' },
      gateway: { type: 'string', multiple: true },
      token: { type: 'string' },
      secret: { type: 'string' },
      'heartbeat-ms': { type: 'string' },
    },
  }));
} catch (err) {
  usage((err as Error).message);
}
if (!values.user) usage('--user is required');
const urls = (values.gateway ?? ['ws://localhost:8080/ws']).flatMap((g) => g.split(',')).filter(Boolean);
const heartbeatIntervalMs = values['heartbeat-ms'] ? Number(values['heartbeat-ms']) : 30_000;
if (!Number.isInteger(heartbeatIntervalMs) || heartbeatIntervalMs <= 0)
  usage('--heartbeat-ms must be a positive integer');
const token = values.token ?? (values.secret ? signToken(values.user, values.secret) : undefined);

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const client = new GatewayClient({ userId: values.user, urls, token, heartbeatIntervalMs });
client.on('message', (from, content) => out(`[${from}] ${content}`));
client.on('error', (f) => out(`! ${f.error}${f.to ? ` (to ${f.to})` : ''}`));
client.on('status', (s) => {
  switch (s.type) {
    case 'registered':
      return out(`* registered as ${values.user} on ${s.gatewayId} (${s.url})`);
    case 'disconnected':
      return out(`* disconnected from ${s.url} (${s.code}${s.reason ? ` ${s.reason}` : ''})`);
    case 'reconnecting':
      return out(`* reconnecting to ${s.url} in ${s.delayMs} ms`);
    case 'stale':
      return out(`* no answer from ${s.url} for ${s.silentMs} ms`);
    case 'closed':
      return out(`* closed: ${s.reason}`);
    case 'connecting':
      return;
  }
});

const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
const quit = (): void => {
  client.close('quit');
  rl.close();
  process.exit(0);
};
rl.on('line', (line) => {
  const [cmd, to, ...rest] = line.trim().split(/\s+/);
  switch (cmd) {
    case '':
      break;
    case 'send':
      if (!to || rest.length === 0) out('! usage: send <user> <message>');
      else if (!client.send(to, rest.join(' '))) out('! not connected; message not sent');
      break;
    case 'help':
      out(HELP.trimEnd());
      break;
    case 'quit':
    case 'exit':
      return quit();
    default:
      out(`! unknown command: ${cmd} (try help)`);
  }
  if (process.stdin.isTTY) rl.prompt();
});
rl.on('close', () => {
  client.close('stdin closed');
  process.exit(0);
});
client.start().catch(() => undefined);
if (process.stdin.isTTY) rl.prompt();
