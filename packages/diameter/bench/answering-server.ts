/**
 * A peer for bench:client, run in its own process: `node answering-server.js diameter|echo`. `diameter` is our
 * DiameterServer answering each request at once (the request turned into its answer in place: R bit cleared,
 * same ids and AVPs); `echo` is a raw TCP echo of the same bytes, the baseline. Prints the port.
 */
import * as net from 'node:net';
import { DiameterServer } from '../src/server/diameter-server.js';

const mode = process.argv[2] ?? 'diameter';

if (mode === 'echo') {
  const server = net.createServer((s) => {
    s.setNoDelay(true);
    s.pipe(s);
  });
  server.listen(0, '127.0.0.1', () =>
    console.log(JSON.stringify({ port: (server.address() as net.AddressInfo).port })),
  );
} else {
  const server = new DiameterServer({
    originHost: 'bench-server.test',
    originRealm: 'test',
    authApplicationIds: [4, 0xffffffff],
    watchdogInterval: 30_000,
    requestHandler: {
      handleRequest(request, connection) {
        if (mode === 'silent') return;
        request[4] &= 0x7f;
        connection.send(request);
      },
    },
  });
  const { port } = await server.listen(0, '127.0.0.1');
  console.log(JSON.stringify({ port }));
}
