import type { ApplicationDefinition } from '../definitions.js';
import { base, baseAccounting, relay } from './base.js';

export { base, baseAccounting, relay };

/** Every application this library ships, in the order they are added to the default dictionary. */
export const builtInApplications: readonly ApplicationDefinition[] = [base, baseAccounting, relay];
