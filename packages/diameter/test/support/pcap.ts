import { writeFileSync } from 'node:fs';

/**
 * A minimal pcap writer for the tshark oracle: each Diameter message becomes one TCP segment over raw IPv4
 * (LINKTYPE_RAW), requests client → server and answers server → client, each direction with its own sequence
 * numbers so tshark's reassembly sees a clean stream.
 */
export function writePcap(
  path: string,
  messages: { bytes: Buffer; fromServer: boolean }[],
  port = 3868,
): void {
  const parts: Buffer[] = [];
  const global = Buffer.alloc(24);
  global.writeUInt32LE(0xa1b2c3d4, 0);
  global.writeUInt16LE(2, 4);
  global.writeUInt16LE(4, 6);
  global.writeUInt32LE(262144, 16);
  global.writeUInt32LE(101, 20);
  parts.push(global);
  const seq = [1000, 500000];
  let t = 1_700_000_000;
  for (const { bytes, fromServer } of messages) {
    const ip = Buffer.alloc(20);
    const tcp = Buffer.alloc(20);
    ip[0] = 0x45;
    ip.writeUInt16BE(40 + bytes.length, 2);
    ip[8] = 64;
    ip[9] = 6;
    const client = [127, 0, 0, 1];
    const server = [127, 0, 0, 2];
    Buffer.from(fromServer ? server : client).copy(ip, 12);
    Buffer.from(fromServer ? client : server).copy(ip, 16);
    let sum = 0;
    for (let i = 0; i < 20; i += 2) sum += ip.readUInt16BE(i);
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
    ip.writeUInt16BE(~sum & 0xffff, 10);
    tcp.writeUInt16BE(fromServer ? port : 40000, 0);
    tcp.writeUInt16BE(fromServer ? 40000 : port, 2);
    const dir = fromServer ? 1 : 0;
    tcp.writeUInt32BE(seq[dir], 4);
    tcp.writeUInt32BE(seq[1 - dir], 8);
    seq[dir] += bytes.length;
    tcp[12] = 0x50;
    tcp[13] = 0x18; // PSH, ACK
    tcp.writeUInt16BE(65535, 14);
    const record = Buffer.alloc(16);
    t += 1;
    record.writeUInt32LE(t, 0);
    record.writeUInt32LE(40 + bytes.length, 8);
    record.writeUInt32LE(40 + bytes.length, 12);
    parts.push(record, ip, tcp, bytes);
  }
  writeFileSync(path, Buffer.concat(parts));
}
