// The baseline: Socket.IO 4 with @socket.io/redis-adapter doing the same job as the gateway, the usual way
// (each user joins a room named by their id; a message is `io.to(to).emit('message', {from, content})`).
// Usage: node dist/bench/socketio-server.js <port> <redisUrl> <adapterKey>
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';

const [port, redisUrl, key] = process.argv.slice(2);
const pub = new Redis(redisUrl);
const sub = pub.duplicate();
const http = createServer();
const io = new Server(http, {
  transports: ['websocket'],
  adapter: createAdapter(pub, sub, { key }),
  perMessageDeflate: false,
  maxHttpBufferSize: 65_536,
});
io.on('connection', (socket) => {
  const userId = String((socket.handshake.auth as { userId?: string }).userId ?? '');
  void socket.join(userId);
  socket.on('message', (m: { to?: string; content?: string }) => {
    if (typeof m?.to === 'string') io.to(m.to).emit('message', { from: userId, content: m.content });
  });
});
http.listen(Number(port), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => process.exit(0));
