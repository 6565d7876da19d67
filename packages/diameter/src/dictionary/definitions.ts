import type { AvpType } from '../codec/avp-type.js';

/**
 * How applications are declared: plain data, transcribed from the RFC or 3GPP specification that defines them.
 * Command and Grouped layouts are written in the specification's own ABNF (RFC 6733 §3.2 / §4.4), e.g.
 * `< Session-Id > { Origin-Host } { Origin-Realm } *[ Proxy-Info ] *[ AVP ]`, so they can be checked against the
 * text by eye.
 */

/** RFC 6733 §4.5 flag rules: which of M/V/P MUST be set; any bit not listed MUST NOT be (M may be 'may'). */
export interface AvpDefinition {
  readonly name: string;
  readonly code: number;
  readonly type: AvpType;
  /** 0 (or absent) for IETF AVPs; 10415 for 3GPP, etc. The V bit is set exactly when this is non-zero. */
  readonly vendorId?: number;
  /** The M-bit rule: 'must' (default), 'may' or 'mustnot'. */
  readonly mandatory?: 'must' | 'may' | 'mustnot';
  /** The P-bit rule (RFC 6733 deprecates end-to-end security): 'may' (default) or 'mustnot'. */
  readonly protected?: 'may' | 'mustnot';
  /** Enumerated values by name. */
  readonly values?: Readonly<Record<string, number>>;
  /** Grouped AVPs: their ABNF body (what follows `::= < AVP Header: code >`). */
  readonly grouped?: string;
  /** The specification section that defines it, e.g. 'RFC 6733 §8.8' or 'TS 29.272 §7.3.2'. */
  readonly spec?: string;
}

export interface CommandDefinition {
  readonly code: number;
  /** Full name without "-Request"/"-Answer", e.g. 'Capabilities-Exchange'. */
  readonly name: string;
  /** Abbreviations, e.g. ['CER', 'CEA']. */
  readonly short: readonly [request: string, answer: string];
  /** Whether the P bit is set on the request (the ABNF's PXY). */
  readonly proxiable: boolean;
  /** ABNF bodies (what follows `::= < Diameter Header: code, REQ, PXY >`). */
  readonly request: string;
  readonly answer: string;
}

export interface ApplicationDefinition {
  /** Application-Id (0 for the base protocol). */
  readonly id: number;
  readonly name: string;
  /** Authentication or accounting application (which CER AVP advertises it). */
  readonly kind: 'auth' | 'acct';
  /** Vendor of a vendor-specific application (10415 for the 3GPP interfaces). */
  readonly vendorId?: number;
  readonly spec: string;
  readonly avps: readonly AvpDefinition[];
  readonly commands: readonly CommandDefinition[];
}

/** Declares an application with its types checked; returns it unchanged. */
export function defineApplication(app: ApplicationDefinition): ApplicationDefinition {
  return app;
}
