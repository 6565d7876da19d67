import type { PeerCapabilities } from './capabilities.js';
import type { PeerState } from './states.js';
import type { WatchdogState } from './watchdog.js';

/** Every event a peer connection emits carries who it is about. */
export interface ConnectionRef {
  readonly connectionId: string;
  /** host:port of the peer. */
  readonly remote: string;
}

export interface StateChangeEvent extends ConnectionRef {
  readonly from: PeerState;
  readonly to: PeerState;
  readonly cause: string;
}

export interface WatchdogChangeEvent extends ConnectionRef {
  readonly from: WatchdogState;
  readonly to: WatchdogState;
  readonly cause: string;
}

/** Why a connection failed (diameter-failure-callback.md): the owner reacts at once. */
export type FailureKind =
  | 'connect-error'
  | 'read-error'
  | 'write-error'
  | 'remote-close'
  | 'watchdog-down'
  | 'cea-failure'
  | 'cer-timeout'
  | 'framing-error'
  | 'disconnect-requested';

export interface FailureEvent extends ConnectionRef {
  readonly kind: FailureKind;
  /** The state the connection was in when it failed. */
  readonly state: PeerState;
  readonly cause: Error;
  /** Requests that were in flight and have been rejected as retryable. */
  readonly inFlight: number;
  /** Whether the connection will try to reconnect by itself. */
  readonly willReconnect: boolean;
}

export interface OpenEvent extends ConnectionRef {
  readonly capabilities: PeerCapabilities;
}

export interface PeerConnectionEvents {
  state: [StateChangeEvent];
  watchdog: [WatchdogChangeEvent];
  failure: [FailureEvent];
  open: [OpenEvent];
  /** Usable again (watchdog OKAY) or not any more: what a pool's round robin needs to know. */
  usable: [ConnectionRef & { readonly usable: boolean }];
  closed: [ConnectionRef & { readonly cause: string }];
}
