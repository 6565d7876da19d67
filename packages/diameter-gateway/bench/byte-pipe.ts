/**
 * The least any relay process can do, as a yardstick for bench:gateway: every accepted connection gets its own
 * connection to the target and the bytes are piped both ways, unread. No framing, no Hop-by-Hop remapping, no
 * state: what it adds over the direct path is the cost of one more process and two more loopback hops on this
 * machine, which our gateway pays too.
 *
 * argv[2]: listen port, argv[3]: target port (both on 127.0.0.1). Prints `listening` once it accepts.
 */
import * as net from 'node:net';

const listenPort = Number(process.argv[2]);
const targetPort = Number(process.argv[3]);

const server = net.createServer((inbound) => {
  inbound.setNoDelay(true);
  const outbound = net.connect(targetPort, '127.0.0.1');
  outbound.setNoDelay(true);
  inbound.pipe(outbound);
  outbound.pipe(inbound);
  inbound.on('error', () => outbound.destroy());
  outbound.on('error', () => inbound.destroy());
  inbound.on('close', () => outbound.destroy());
  outbound.on('close', () => inbound.destroy());
});
server.listen(listenPort, '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => process.exit(0));
