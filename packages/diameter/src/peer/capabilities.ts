import type { Avp } from '../codec/avp.js';
import type { Message } from '../codec/message.js';
import { ResultCode } from '../codec/result-codes.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { buildMessage, type AvpInput } from '../dictionary/message-builder.js';
import { nextEndToEndId } from './identifiers.js';

/**
 * Capabilities exchange (RFC 6733 §5.3): what we advertise in a CER or CEA, what the peer advertised, and the
 * applications both support.
 */
export interface VendorSpecificApplication {
  readonly vendorId: number;
  readonly authApplicationId?: number;
  readonly acctApplicationId?: number;
}

export interface LocalCapabilities {
  readonly originHost: string;
  readonly originRealm: string;
  /** Host-IP-Address values; when empty, the connection's real local address is used. */
  readonly hostIPAddresses: readonly string[];
  readonly vendorId: number;
  readonly productName: string;
  readonly firmwareRevision: number;
  readonly originStateId: number;
  readonly supportedVendorIds: readonly number[];
  readonly authApplicationIds: readonly number[];
  readonly acctApplicationIds: readonly number[];
  readonly vendorSpecificApplicationIds: readonly VendorSpecificApplication[];
}

export interface PeerCapabilities {
  readonly originHost: string;
  readonly originRealm: string;
  readonly hostIPAddresses: readonly string[];
  readonly vendorId: number;
  readonly productName: string;
  readonly authApplicationIds: readonly number[];
  readonly acctApplicationIds: readonly number[];
  readonly vendorSpecificApplicationIds: readonly VendorSpecificApplication[];
  /** Applications both sides support (all of ours when the peer is a relay). */
  readonly commonApplicationIds: readonly number[];
  readonly isRelay: boolean;
}

export const RELAY_APPLICATION_ID = 0xffffffff;

function capabilityAvps(local: LocalCapabilities, localAddress: string | undefined): [string, unknown][] {
  const addresses =
    local.hostIPAddresses.length > 0 ? local.hostIPAddresses : [normaliseAddress(localAddress)];
  const avps: [string, unknown][] = [
    ['Origin-Host', local.originHost],
    ['Origin-Realm', local.originRealm],
  ];
  for (const a of addresses) avps.push(['Host-IP-Address', a]);
  avps.push(
    ['Vendor-Id', local.vendorId],
    ['Product-Name', local.productName],
    ['Origin-State-Id', local.originStateId],
  );
  for (const v of local.supportedVendorIds) avps.push(['Supported-Vendor-Id', v]);
  for (const a of local.authApplicationIds) avps.push(['Auth-Application-Id', a]);
  for (const a of local.acctApplicationIds) avps.push(['Acct-Application-Id', a]);
  for (const v of local.vendorSpecificApplicationIds) {
    const group: [string, number][] = [['Vendor-Id', v.vendorId]];
    if (v.authApplicationId !== undefined) group.push(['Auth-Application-Id', v.authApplicationId]);
    if (v.acctApplicationId !== undefined) group.push(['Acct-Application-Id', v.acctApplicationId]);
    avps.push(['Vendor-Specific-Application-Id', group]);
  }
  avps.push(['Firmware-Revision', local.firmwareRevision]);
  return avps;
}

/** IPv4-mapped IPv6 ("::ffff:127.0.0.1") as the IPv4 address it is. */
function normaliseAddress(address: string | undefined): string {
  if (address === undefined) return '127.0.0.1';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

export function buildCer(
  dictionary: Dictionary,
  local: LocalCapabilities,
  localAddress: string | undefined,
  hopByHopId: number,
): Message {
  return buildMessage(dictionary, 'CER', capabilityAvps(local, localAddress) as AvpInput, {
    hopByHopId,
    endToEndId: nextEndToEndId(),
  });
}

export function buildCea(
  dictionary: Dictionary,
  cer: Message,
  local: LocalCapabilities,
  localAddress: string | undefined,
  resultCode: number,
  errorMessage?: string,
): Message {
  const avps: [string, unknown][] = [['Result-Code', resultCode], ...capabilityAvps(local, localAddress)];
  if (errorMessage !== undefined) avps.splice(3, 0, ['Error-Message', errorMessage]);
  // RFC 6733 §7.1.3: protocol errors (3xxx) set the E bit; CEA 3010 is one.
  const answer = buildMessage(dictionary, 'CEA', avps as AvpInput, {
    request: false,
    hopByHopId: cer.hopByHopId,
    endToEndId: cer.endToEndId,
  });
  if (resultCode >= 3000 && resultCode < 4000) answer.flags |= 0x20;
  return answer;
}

/** Reads the peer's capabilities from its CER or CEA and intersects its applications with ours. */
export function peerCapabilities(message: Message, local: LocalCapabilities): PeerCapabilities {
  const auth = message.getAll<number>('Auth-Application-Id');
  const acct = message.getAll<number>('Acct-Application-Id');
  const vendorSpecific = message.avps
    .filter((a) => a.code === 260 && a.vendorId === 0 && Array.isArray(a.value))
    .map((group): VendorSpecificApplication => {
      const members = group.value as Avp[];
      const find = (code: number) =>
        members.find((m) => m.code === code && m.vendorId === 0)?.value as number | undefined;
      return { vendorId: find(266) ?? 0, authApplicationId: find(258), acctApplicationId: find(259) };
    });
  const theirs = new Set<number>([...auth, ...acct]);
  for (const v of vendorSpecific) {
    if (v.authApplicationId !== undefined) theirs.add(v.authApplicationId);
    if (v.acctApplicationId !== undefined) theirs.add(v.acctApplicationId);
  }
  const ours = localApplicationIds(local);
  const isRelay = theirs.has(RELAY_APPLICATION_ID);
  // A relay on either side serves every application of the other (RFC 6733 §2.9).
  const common = ours.includes(RELAY_APPLICATION_ID)
    ? [...theirs]
    : isRelay
      ? ours
      : ours.filter((id) => theirs.has(id));
  return {
    originHost: message.get<string>('Origin-Host') ?? '',
    originRealm: message.get<string>('Origin-Realm') ?? '',
    hostIPAddresses: message.getAll<string>('Host-IP-Address').filter((a) => typeof a === 'string'),
    vendorId: message.get<number>('Vendor-Id') ?? 0,
    productName: message.get<string>('Product-Name') ?? '',
    authApplicationIds: auth,
    acctApplicationIds: acct,
    vendorSpecificApplicationIds: vendorSpecific,
    commonApplicationIds: common,
    isRelay,
  };
}

export function localApplicationIds(local: LocalCapabilities): number[] {
  const ids = new Set<number>([...local.authApplicationIds, ...local.acctApplicationIds]);
  for (const v of local.vendorSpecificApplicationIds) {
    if (v.authApplicationId !== undefined) ids.add(v.authApplicationId);
    if (v.acctApplicationId !== undefined) ids.add(v.acctApplicationId);
  }
  return [...ids];
}

/** The CEA Result-Codes that open the connection. */
export function ceaSucceeded(resultCode: number | undefined): boolean {
  return resultCode === ResultCode.SUCCESS || resultCode === ResultCode.LIMITED_SUCCESS;
}
