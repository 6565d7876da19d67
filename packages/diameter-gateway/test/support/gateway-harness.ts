import {
  buildMessage,
  decodeMessage,
  defaultDictionary,
  DiameterServer,
  messageHandler,
  parsePeerConfig,
  PeerConnection,
  silentLogger,
  type Message,
  type MessageHandler,
  type PeerConfigInput,
  type RequestHandler,
} from '@diam/diameter';
import { loadConfig } from '../../src/config.js';
import { Gateway } from '../../src/gateway.js';

/** Things a test starts, and the cleanups it must run whatever happens. */
export class Harness {
  private readonly cleanups: (() => Promise<void> | void)[] = [];

  defer(cleanup: () => Promise<void> | void): void {
    this.cleanups.push(cleanup);
  }

  async cleanup(): Promise<void> {
    for (const c of this.cleanups.splice(0).reverse()) {
      try {
        await c();
      } catch {
        /* keep cleaning */
      }
    }
  }

  /** A DRA: our server advertising Relay, with a raw or message-level handler. */
  async dra(originHost: string, handler: RequestHandler): Promise<{ server: DiameterServer; port: number }> {
    const server = new DiameterServer({
      originHost,
      originRealm: 'peers.test',
      authApplicationIds: [0xffffffff],
      watchdogInterval: 1000,
      watchdogJitter: 0,
      requestHandler: handler,
    });
    const { port } = await server.listen(0, '127.0.0.1');
    this.defer(() => server.close({ drainTimeout: 20 }));
    return { server, port };
  }

  /** A gateway in this process (silent, Tw 1 s, session timeout 2 s); by default resolves once a DRA is OKAY. */
  async gateway(
    dras: string[],
    extra: string[] = [],
    waitReady = true,
  ): Promise<{ gateway: Gateway; port: number }> {
    const { config } = loadConfig([
      '--listen',
      '127.0.0.1:0',
      '--origin-host',
      'gw.peers.test',
      '--origin-realm',
      'peers.test',
      '--metrics-listen',
      'off',
      '--log',
      'silent',
      '--watchdog-interval',
      '1s',
      '--session-timeout',
      '2s',
      ...dras.flatMap((d) => ['--dra', d]),
      ...extra,
    ]);
    const gateway = new Gateway(config, silentLogger);
    const { diameter } = await gateway.start();
    this.defer(() => gateway.stop(200));
    while (waitReady && !gateway.isReady()) await new Promise((r) => setTimeout(r, 10));
    return { gateway, port: diameter.port };
  }

  /** A Logic App: a client connection to the gateway. */
  async logicApp(
    port: number,
    originHost: string,
    options: Partial<PeerConfigInput> & { onRequest?: MessageHandler } = {},
  ): Promise<PeerConnection> {
    const c = new PeerConnection({
      config: parsePeerConfig({
        originHost,
        originRealm: 'apps.test',
        authApplicationIds: [16777238, 4],
        reconnect: false,
        ...options,
      }),
      host: '127.0.0.1',
      port,
      requestHandler: options.onRequest ? messageHandler(options.onRequest) : undefined,
    });
    this.defer(() => c.destroy());
    await c.connect();
    return c;
  }
}

/** A raw handler answering every request at once with 2001, recording what it received. */
export function recordingDra(received: Buffer[] = []): { handler: RequestHandler; received: Buffer[] } {
  return {
    received,
    handler: {
      handleRequest(request, connection) {
        received.push(Buffer.from(request));
        connection.answer(decodeMessage(request, connection.dictionary));
      },
    },
  };
}

/** A Gx CCR-Initial from app1.apps.test toward realm peers.test (`extra` AVPs added or replacing). */
export function ccr(session: string, extra: Record<string, unknown> = {}): Message {
  return buildMessage(
    defaultDictionary(),
    'CCR',
    {
      'Session-Id': session,
      'Origin-Host': 'app1.apps.test',
      'Origin-Realm': 'apps.test',
      'Destination-Realm': 'peers.test',
      'Auth-Application-Id': 16777238,
      'CC-Request-Type': 'INITIAL_REQUEST',
      'CC-Request-Number': 0,
      ...extra,
    } as never,
    { applicationId: 16777238 },
  );
}
