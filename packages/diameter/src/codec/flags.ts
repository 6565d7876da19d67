/** Header and AVP flag bits (RFC 6733 §3 and §4.1). */
export const CommandFlag = {
  REQUEST: 0x80,
  PROXIABLE: 0x40,
  ERROR: 0x20,
  RETRANSMIT: 0x10,
  RESERVED: 0x0f,
} as const;

export const AvpFlag = {
  VENDOR: 0x80,
  MANDATORY: 0x40,
  PROTECTED: 0x20,
  RESERVED: 0x1f,
} as const;

export const HEADER_LENGTH = 20;
export const DIAMETER_VERSION = 1;
