import { decodeMessage, messageToJson, type Dictionary, type Logger } from '@diam/diameter';

/**
 * --log-requests / --log-responses: the JSON form of relayed messages, decoded only when asked for (the relay
 * itself never decodes).
 */
export class MessageLog {
  readonly requests: boolean;
  readonly responses: boolean;
  private readonly logger: Logger;
  private readonly dictionary: Dictionary;

  constructor(logger: Logger, dictionary: Dictionary, requests: boolean, responses: boolean) {
    this.logger = logger;
    this.dictionary = dictionary;
    this.requests = requests;
    this.responses = responses;
  }

  log(kind: 'request' | 'answer' | 'dra-request' | 'dra-answer', frame: Buffer, peer: string): void {
    try {
      // The frame may carry a patched length (Route-Record appended on write): decode what is in the buffer.
      const copy = Buffer.from(frame);
      copy.writeUIntBE(copy.length, 1, 3);
      this.logger.info(
        { kind, peer, message: messageToJson(decodeMessage(copy, this.dictionary), this.dictionary) },
        kind,
      );
    } catch (error) {
      this.logger.info(
        { kind, peer, bytes: frame.length, error: (error as Error).message },
        `${kind} (undecodable)`,
      );
    }
  }
}
