import { InvalidTransitionError } from '../errors.js';

/**
 * The states of one peer connection (RFC 6733 §5.6, simplified to one transport) and the moves allowed between
 * them. The watchdog's own states (OKAY, SUSPECT, DOWN, REOPEN) live in watchdog.ts, on top of OPEN.
 */
export type PeerState =
  | 'DISCONNECTED'
  | 'CONNECTING'
  | 'CER_SENT'
  | 'WAIT_CER'
  | 'OPEN'
  | 'CLOSING'
  | 'FAILED'
  | 'RECONNECTING'
  | 'CLOSED';

const ALLOWED: Record<PeerState, readonly PeerState[]> = {
  DISCONNECTED: ['CONNECTING', 'WAIT_CER', 'CLOSED'],
  CONNECTING: ['CER_SENT', 'FAILED', 'CLOSED'],
  CER_SENT: ['OPEN', 'FAILED', 'CLOSED'],
  // Responder side: the socket is accepted, the peer's CER is awaited.
  WAIT_CER: ['OPEN', 'FAILED', 'CLOSED'],
  OPEN: ['CLOSING', 'FAILED', 'CLOSED'],
  CLOSING: ['CLOSED', 'FAILED', 'RECONNECTING'],
  FAILED: ['RECONNECTING', 'CLOSED'],
  RECONNECTING: ['CONNECTING', 'CLOSED'],
  CLOSED: [],
};

export function assertTransition(machine: string, from: PeerState, to: PeerState): void {
  if (!ALLOWED[from].includes(to)) throw new InvalidTransitionError(machine, from, to);
}
