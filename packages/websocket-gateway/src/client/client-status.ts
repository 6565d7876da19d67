// What a GatewayClient reports about its connection, as a discriminated union (switch on `type`).
export type ClientStatus =
  | { type: 'connecting'; url: string; attempt: number }
  | { type: 'registered'; url: string; gatewayId: string }
  | { type: 'disconnected'; url: string; code: number; reason: string }
  | { type: 'reconnecting'; url: string; attempt: number; delayMs: number }
  | { type: 'stale'; url: string; silentMs: number }
  | { type: 'closed'; reason: string };
