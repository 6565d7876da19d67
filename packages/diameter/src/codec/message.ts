import type { Avp, AvpValue } from './avp.js';
import { findAvps } from './avp-path.js';
import type { CodecDictionary } from './avp-type.js';
import { CommandFlag } from './flags.js';

/**
 * A decoded Diameter message: the 20-byte header fields and the top-level AVPs in wire order. The dictionary it was
 * decoded with travels along so that names can be resolved without a global.
 */
export class Message {
  version: number;
  flags: number;
  commandCode: number;
  applicationId: number;
  hopByHopId: number;
  endToEndId: number;
  avps: Avp[];
  dictionary: CodecDictionary;

  constructor(
    flags: number,
    commandCode: number,
    applicationId: number,
    hopByHopId: number,
    endToEndId: number,
    avps: Avp[],
    dictionary: CodecDictionary,
    version = 1,
  ) {
    this.version = version;
    this.flags = flags;
    this.commandCode = commandCode;
    this.applicationId = applicationId;
    this.hopByHopId = hopByHopId;
    this.endToEndId = endToEndId;
    this.avps = avps;
    this.dictionary = dictionary;
  }

  get isRequest(): boolean {
    return (this.flags & CommandFlag.REQUEST) !== 0;
  }
  get isProxiable(): boolean {
    return (this.flags & CommandFlag.PROXIABLE) !== 0;
  }
  get isError(): boolean {
    return (this.flags & CommandFlag.ERROR) !== 0;
  }
  get isRetransmit(): boolean {
    return (this.flags & CommandFlag.RETRANSMIT) !== 0;
  }

  /** The value of the first AVP at `path` ('Session-Id', 'Subscription-Id.Subscription-Id-Data'), or undefined. */
  get<T extends AvpValue = AvpValue>(path: string): T | undefined {
    const found = findAvps(this.avps, path, this.dictionary, true);
    return found.length === 0 ? undefined : (found[0].value as T);
  }

  /** The values of every AVP at `path`, in wire order. */
  getAll<T extends AvpValue = AvpValue>(path: string): T[] {
    return findAvps(this.avps, path, this.dictionary, false).map((a) => a.value as T);
  }

  /** The first AVP at `path` itself (with its flags and vendor), or undefined. */
  avp(path: string): Avp | undefined {
    return findAvps(this.avps, path, this.dictionary, true)[0];
  }
}
