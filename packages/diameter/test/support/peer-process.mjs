// A Diameter peer in its own process(es), for failure tests that kill or freeze it: node peer-process.mjs
// [--workers N] [--port P] [--origin-host H]. With workers, node:cluster spreads connections over them, so one
// worker can be frozen while the others answer. Prints one JSON line: {"port", "pids"}.
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { DiameterServer, messageHandler } from '../../dist/src/index.js';

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '0' },
    port: { type: 'string', default: '0' },
    'origin-host': { type: 'string', default: 'peer.test' },
  },
});
const workers = Number(values.workers);

async function serve(port) {
  const server = new DiameterServer({
    originHost: values['origin-host'],
    originRealm: 'test',
    authApplicationIds: [4, 0xffffffff],
    watchdogInterval: 60_000,
    requestHandler: messageHandler((request) => ({
      resultCode: 2001,
      avps: { 'CC-Request-Number': request.get('CC-Request-Number') ?? 0 },
    })),
  });
  const address = await server.listen(port, '127.0.0.1');
  process.on('SIGTERM', () => server.close({ drainTimeout: 100 }).then(() => process.exit(0)));
  return address.port;
}

if (workers > 0 && cluster.isPrimary) {
  cluster.schedulingPolicy = cluster.SCHED_RR;
  const pids = [];
  let port;
  for (let i = 0; i < workers; i++) {
    const w = cluster.fork();
    pids.push(w.process.pid);
    w.on('message', (m) => {
      port = m.port;
      if (pids.length === workers && --pendingWorkers === 0)
        console.log(JSON.stringify({ port, pids, primary: process.pid }));
    });
  }
  let pendingWorkers = workers;
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers)) w.process.kill('SIGKILL');
    process.exit(0);
  });
} else if (workers > 0) {
  const port = await serve(Number(values.port));
  process.send({ port });
} else {
  const port = await serve(Number(values.port));
  console.log(JSON.stringify({ port, pids: [process.pid], primary: process.pid }));
}
