import { Avp } from '../codec/avp.js';
import type { Message } from '../codec/message.js';
import type { AvpDef, Dictionary } from './dictionary.js';
import { avpToJson } from './json-form.js';

/** An indented, Wireshark-like text view of a message, for people reading a terminal. */
export function messageToText(message: Message, dictionary: Dictionary, length?: number): string {
  const command = dictionary.command(message.commandCode, message.applicationId);
  const app = dictionary.application(message.applicationId);
  const kind = message.isRequest ? 'Request' : 'Answer';
  const flagNames = [
    message.isRequest && 'R',
    message.isProxiable && 'P',
    message.isError && 'E',
    message.isRetransmit && 'T',
  ].filter(Boolean);
  const lines = [
    'Diameter Protocol',
    `  Version: ${message.version}`,
    ...(length !== undefined ? [`  Length: ${length}`] : []),
    `  Flags: 0x${message.flags.toString(16).padStart(2, '0')} (${flagNames.join('') || '-'})`,
    `  Command Code: ${message.commandCode} ${command ? `${command.name}-${kind} (${command.short[message.isRequest ? 0 : 1]})` : 'unknown'}`,
    `  Application-Id: ${message.applicationId}${app ? ` (${app.name})` : ''}`,
    `  Hop-by-Hop Identifier: 0x${message.hopByHopId.toString(16).padStart(8, '0')}`,
    `  End-to-End Identifier: 0x${message.endToEndId.toString(16).padStart(8, '0')}`,
  ];
  for (const avp of message.avps) avpLines(avp, '  ', lines);
  return lines.join('\n');
}

function avpLines(avp: Avp, indent: string, lines: string[]): void {
  const def = avp.def as AvpDef | undefined;
  const json = avpToJson(avp);
  const vendor = avp.vendorId !== 0 ? ` vnd=${avp.vendorId}` : '';
  const head = `${indent}AVP: ${avp.name}(${avp.code}) f=${json.flags || '-'}${vendor} ${def?.type ?? 'Unknown'}`;
  if (Array.isArray(avp.value)) {
    lines.push(head);
    for (const child of avp.value) avpLines(child, indent + '  ', lines);
    return;
  }
  let value =
    typeof json.value === 'object' ? `family ${json.value.family} 0x${json.value.hex}` : String(json.value);
  if (json.enum !== undefined) value = `${json.enum} (${value})`;
  if (Buffer.isBuffer(avp.value) && isPrintable(avp.value)) value += ` "${avp.value.toString('latin1')}"`;
  lines.push(`${head} val=${value}`);
}

function isPrintable(b: Buffer): boolean {
  if (b.length === 0) return false;
  for (const c of b) if (c < 0x20 || c > 0x7e) return false;
  return true;
}
