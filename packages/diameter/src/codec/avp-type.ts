/** The AVP data formats of RFC 6733 §4.2-4.3, plus the derived formats other RFCs add (RFC 7155 QoSFilterRule). */
export type AvpType =
  | 'OctetString'
  | 'Integer32'
  | 'Integer64'
  | 'Unsigned32'
  | 'Unsigned64'
  | 'Float32'
  | 'Float64'
  | 'Grouped'
  | 'Address'
  | 'Time'
  | 'UTF8String'
  | 'DiameterIdentity'
  | 'DiameterURI'
  | 'Enumerated'
  | 'IPFilterRule'
  | 'QoSFilterRule';

export const AVP_TYPES: readonly AvpType[] = [
  'OctetString',
  'Integer32',
  'Integer64',
  'Unsigned32',
  'Unsigned64',
  'Float32',
  'Float64',
  'Grouped',
  'Address',
  'Time',
  'UTF8String',
  'DiameterIdentity',
  'DiameterURI',
  'Enumerated',
  'IPFilterRule',
  'QoSFilterRule',
];

/** Data length a fixed-size type must have; -1 for variable-length types. */
export function fixedLength(type: AvpType): number {
  switch (type) {
    case 'Integer32':
    case 'Unsigned32':
    case 'Float32':
    case 'Enumerated':
    case 'Time':
      return 4;
    case 'Integer64':
    case 'Unsigned64':
    case 'Float64':
      return 8;
    default:
      return -1;
  }
}

/**
 * What the codec needs to know about an AVP: the dictionary layer implements it. The codec never imports the
 * dictionary, so it can be used (and tested) with any table.
 */
export interface AvpTypeInfo {
  readonly name: string;
  readonly code: number;
  readonly vendorId: number;
  readonly type: AvpType;
}

/** The lookups the codec makes: by code and vendor while decoding, by name while building. */
export interface CodecDictionary {
  avp(code: number, vendorId: number): AvpTypeInfo | undefined;
  avpByName(name: string): AvpTypeInfo | undefined;
}
