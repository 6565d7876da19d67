import * as net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ccr, Harness, recordingDra } from './support/gateway-harness.js';
import { freePort } from './support/processes.js';

/** The gateway's HTTP side (/metrics, /health, /ready, /stats), read the way Prometheus and a probe read it. */
const h = new Harness();
afterEach(() => h.cleanup());

async function get(port: number, path: string): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

/** The value of one sample line of the Prometheus text format, `name{labels} value`. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('gateway HTTP endpoints', () => {
  it('/metrics, /health, /ready and /stats say what the relay did', async () => {
    const dra = recordingDra();
    const { port: draPort, server: draServer } = await h.dra('dra1.peers.test', dra.handler);
    const http = await freePort();
    const { gateway, port } = await h.gateway(
      [`dra1=127.0.0.1:${draPort},priority=1`],
      ['--metrics-listen', `127.0.0.1:${http}`],
    );
    const app = await h.logicApp(port, 'app1.apps.test');
    await Promise.all(Array.from({ length: 25 }, (_, i) => app.request(ccr(`http;${i}`))));
    // Garbage from a socket that sent no CER: the gateway cuts it at the framing error and goes on.
    const bad = net.connect(port, '127.0.0.1');
    bad.on('error', () => undefined);
    bad.write(Buffer.from([2, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    await new Promise((r) => bad.once('close', r));

    const metrics = await get(http, '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.type).toMatch(/^text\/plain/);
    expect(sample(metrics.body, 'diameter_gateway_requests_total')).toBe(25);
    expect(sample(metrics.body, 'diameter_gateway_responses_total')).toBe(25);
    expect(sample(metrics.body, 'diameter_gateway_dra_requests_total', '{dra="dra1"}')).toBe(25);
    expect(sample(metrics.body, 'diameter_gateway_dra_up', '{dra="dra1",priority="1"}')).toBe(1);
    expect(sample(metrics.body, 'diameter_gateway_logic_apps')).toBe(1);
    expect(sample(metrics.body, 'diameter_gateway_active_priority')).toBe(1);
    expect(sample(metrics.body, 'diameter_gateway_logic_app_in_flight', '{logic_app="app1.apps.test"}')).toBe(
      0,
    );
    expect(metrics.body).toContain('diameter_gateway_logic_apps_refused_total');
    expect(metrics.body).toMatch(/^diameter_gateway_process_resident_memory_bytes \d+/m);

    expect((await get(http, '/health')).status).toBe(200);
    const ready = await get(http, '/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ ready: true, activePriority: 1 });

    const stats = JSON.parse((await get(http, '/stats')).body) as {
      gateway: { total_requests: number; total_responses: number };
      logic_app_connections: { connected: number; refused: number };
      logic_apps: { origin_host: string; requests: number }[];
    };
    expect(stats.gateway).toMatchObject({ total_requests: 25, total_responses: 25 });
    expect(stats.logic_app_connections.connected).toBe(1);
    expect(stats.logic_apps).toMatchObject([{ origin_host: 'app1.apps.test', requests: 25 }]);
    expect((await get(http, '/nothing')).status).toBe(404);

    // The only DRA goes away: not ready any more, and the scrape says so.
    await draServer.close({ drainTimeout: 20 });
    const deadline = Date.now() + 5000;
    while (gateway.isReady() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const notReady = await get(http, '/ready');
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.body)).toEqual({ ready: false, activePriority: null });
    expect(sample((await get(http, '/metrics')).body, 'diameter_gateway_active_priority')).toBe(0);
  });

  it('counts a Logic App refused at the connection limit', async () => {
    const { port: draPort } = await h.dra('dra1.peers.test', recordingDra().handler);
    const http = await freePort();
    const { gateway, port } = await h.gateway(
      [`dra1=127.0.0.1:${draPort},priority=1`],
      ['--metrics-listen', `127.0.0.1:${http}`, '--max-connections', '1'],
    );
    await h.logicApp(port, 'app1.apps.test');
    await expect(h.logicApp(port, 'app2.apps.test', { connectTimeout: 1000 })).rejects.toThrow();
    expect(gateway.snapshot()).toMatchObject({ logic_app_connections: { connected: 1, refused: 1 } });
    expect(sample((await get(http, '/metrics')).body, 'diameter_gateway_logic_apps_refused_total')).toBe(1);
  });
});
