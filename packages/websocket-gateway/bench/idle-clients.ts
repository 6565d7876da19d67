// Opens N registered connections and keeps them idle (answers pings only); prints `ready <n>` when all are
// registered and stays until killed. Run as separate processes so client memory and file descriptors do not
// mix with the orchestrator's, each with its own loopback source address (ephemeral ports per address).
// Usage: node dist/bench/idle-clients.js <dialect> <port> <count> <userPrefix> <localAddress>
import { WebSocket } from 'ws';
import { dialectByName } from './wire-dialect.js';

const [dialectName, port, countText, prefix, localAddress] = process.argv.slice(2);
const dialect = dialectByName(dialectName);
const count = Number(countText);
const CONCURRENCY = 200;
let registered = 0;
let failed = 0;
let next = 0;

function open(): void {
  if (next >= count) return;
  const i = next++;
  const ws = new WebSocket(dialect.url(Number(port)), {
    localAddress,
    perMessageDeflate: false,
  }) as WebSocket & {
    userId: string;
  };
  ws.userId = `${prefix}${i}`;
  let done = false;
  ws.on('open', () => dialect.onOpen(ws, ws.userId));
  ws.on('message', (d) => {
    if (!done && dialect.parse(ws, d.toString()).kind === 'registered') {
      done = true;
      registered++;
      progress();
      open();
    } else if (done) dialect.parse(ws, d.toString());
  });
  ws.on('error', () => {
    if (!done) {
      done = true;
      failed++;
      progress();
      open();
    }
  });
}
function progress(): void {
  if (registered + failed === count) process.stdout.write(`ready ${registered} ${failed}\n`);
}
for (let k = 0; k < CONCURRENCY; k++) open();
process.on('SIGTERM', () => process.exit(0));
