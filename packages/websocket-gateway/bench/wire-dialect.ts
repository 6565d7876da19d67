// The two wire protocols the benchmark speaks over the same raw `ws` client, so the client costs the same for
// both servers and the figures compare servers: our JSON protocol, and Engine.IO 4 / Socket.IO 5 framing
// (`40` namespace connect with auth, `2`/`3` ping/pong, `42[event, data]` events).
import type { WebSocket } from 'ws';

export type Incoming = { kind: 'registered' } | { kind: 'message'; content: string } | { kind: 'other' };

export interface WireDialect {
  readonly name: string;
  url(port: number): string;
  /** Called on open; registration is complete when `parse` returns `registered`. */
  onOpen(ws: WebSocket, userId: string): void;
  /** Handles transport-level frames (pings) itself and classifies the rest. */
  parse(ws: WebSocket, text: string): Incoming;
  message(to: string, content: string): string;
}

export const gatewayDialect: WireDialect = {
  name: 'ws-gateway',
  url: (port) => `ws://127.0.0.1:${port}/ws`,
  onOpen(ws, userId) {
    ws.send(JSON.stringify({ type: 'register', userId }));
  },
  parse(_ws, text) {
    // Cheap dispatch on the prefix our gateway writes; fall back to JSON for anything else.
    if (text.startsWith('{"type":"message"')) {
      const f = JSON.parse(text) as { content: string };
      return { kind: 'message', content: f.content };
    }
    if (text.startsWith('{"type":"registered"')) return { kind: 'registered' };
    return { kind: 'other' };
  },
  message: (to, content) => JSON.stringify({ type: 'message', to, content }),
};

export const socketIoDialect: WireDialect = {
  name: 'socket.io',
  url: (port) => `ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`,
  onOpen() {
    // wait for the Engine.IO open packet ("0{...}") before connecting the namespace
  },
  parse(ws, text) {
    switch (text[0]) {
      case '0':
        ws.send(`40${JSON.stringify({ userId: (ws as WebSocket & { userId: string }).userId })}`);
        return { kind: 'other' };
      case '2':
        ws.send('3');
        return { kind: 'other' };
      case '4':
        if (text[1] === '0') return { kind: 'registered' };
        if (text[1] === '2') {
          const [event, data] = JSON.parse(text.slice(2)) as [string, { content: string }];
          if (event === 'message') return { kind: 'message', content: data.content };
        }
        return { kind: 'other' };
      default:
        return { kind: 'other' };
    }
  },
  message: (to, content) => `42${JSON.stringify(['message', { to, content }])}`,
};

export function dialectByName(name: string): WireDialect {
  if (name === gatewayDialect.name) return gatewayDialect;
  if (name === socketIoDialect.name) return socketIoDialect;
  throw new Error(`unknown dialect ${name}`);
}
