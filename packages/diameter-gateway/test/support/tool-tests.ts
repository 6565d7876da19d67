import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll } from 'vitest';
import { startDraSim, type DraSim, type DraSimOptions } from '../../src/tools/dra-sim.js';

/** What the tools' tests share: the repository root, per-test cleanups, an in-process simulator. */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Cleanups run after each test of the file that calls this (last registered first). */
export function cleanupsAfterEach(): (() => Promise<unknown> | void)[] {
  const cleanups: (() => Promise<unknown> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return cleanups;
}

/** Fails the file at once when the compiled CLI it spawns is missing. */
export function requireBuilt(packageRelative: string): void {
  const path = fileURLToPath(new URL(`../../${packageRelative}`, import.meta.url));
  beforeAll(() => {
    if (!existsSync(path)) throw new Error(`${path} missing: run npx tsc -b packages/diameter-gateway first`);
  });
}

/** A DRA simulator in this process as sim.peers.test, closed by `cleanups`. */
export async function inProcessSim(
  cleanups: (() => Promise<unknown> | void)[],
  options: Partial<DraSimOptions> = {},
): Promise<DraSim> {
  const s = await startDraSim({ originHost: 'sim.peers.test', originRealm: 'peers.test', ...options });
  cleanups.push(() => s.close({ drainTimeout: 50 }));
  return s;
}
