import type { AddressValue } from './address.js';
import type { AvpTypeInfo } from './avp-type.js';
import { AvpFlag } from './flags.js';

/**
 * A decoded value: string (UTF8String, DiameterIdentity, DiameterURI, IPFilterRule, QoSFilterRule, and IPv4/IPv6
 * Address), number (32-bit integers, Enumerated, floats), bigint (64-bit integers), Buffer (OctetString and any AVP
 * the dictionary does not know), Date (Time), Avp[] (Grouped), or an Address of another family.
 */
export type AvpValue = string | number | bigint | Buffer | Date | Avp[] | AddressValue;

/**
 * One AVP. The flags are kept exactly as received so that decode → encode gives the same bytes; `def` is the
 * dictionary entry, undefined for an AVP the dictionary does not know (its value is then its raw bytes).
 */
export class Avp {
  code: number;
  flags: number;
  vendorId: number;
  value: AvpValue;
  def: AvpTypeInfo | undefined;

  constructor(code: number, flags: number, vendorId: number, value: AvpValue, def: AvpTypeInfo | undefined) {
    this.code = code;
    this.flags = flags;
    this.vendorId = vendorId;
    this.value = value;
    this.def = def;
  }

  get name(): string {
    return this.def !== undefined ? this.def.name : `Unknown-AVP-${this.vendorId}-${this.code}`;
  }

  get isMandatory(): boolean {
    return (this.flags & AvpFlag.MANDATORY) !== 0;
  }

  get isGrouped(): boolean {
    return Array.isArray(this.value);
  }
}
