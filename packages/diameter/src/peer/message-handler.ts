import { encodeMessage } from '../codec/encoder.js';
import type { Message } from '../codec/message.js';
import { ResultCode } from '../codec/result-codes.js';
import { createAnswer, type AnswerOptions } from '../dictionary/answer.js';
import { createErrorAnswer, inspectMessage } from '../dictionary/validator.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { PeerConnection, RequestHandler } from './peer-connection.js';

/**
 * What an application writes: a function from a decoded request to its answer (a Message, or the options of
 * createAnswer: Result-Code and AVPs). Requests that fail validation are answered with their RFC 6733 error
 * before the function sees them; a function that throws gets 5012 UNABLE_TO_COMPLY sent for it. Never silence.
 */
export type MessageHandler = (
  request: Message,
  connection: PeerConnection,
) => Promise<Message | AnswerOptions> | Message | AnswerOptions;

export function messageHandler(
  handler: MessageHandler,
  options: { validate?: boolean; logger?: Logger } = {},
): RequestHandler {
  const validate = options.validate ?? true;
  const logger = options.logger ?? silentLogger;
  return {
    handleRequest(bytes: Buffer, connection: PeerConnection): void {
      const { message, problem } = inspectMessage(bytes, connection.dictionary);
      if (message === undefined || (validate && problem !== undefined)) {
        connection.send(
          encodeMessage(
            createErrorAnswer(message ?? bytes, problem!, connection.config.local, connection.dictionary),
          ),
        );
        return;
      }
      const reply = (result: Message | AnswerOptions): void => {
        const answer = isMessage(result) ? result : createAnswer(message, connection.config.local, result);
        try {
          connection.send(encodeMessage(answer));
        } catch (error) {
          logger.warn(
            { connectionId: connection.connectionId, err: (error as Error).message },
            'answer not sent',
          );
        }
      };
      const failed = (error: unknown): void => {
        logger.error(
          { connectionId: connection.connectionId, err: (error as Error)?.message },
          'request handler failed',
        );
        try {
          reply({
            resultCode: ResultCode.UNABLE_TO_COMPLY,
            errorMessage: 'the application could not answer',
          });
        } catch {
          /* the connection is gone */
        }
      };
      try {
        const result = handler(message, connection);
        if (result instanceof Promise) result.then(reply, failed);
        else reply(result);
      } catch (error) {
        failed(error);
      }
    },
  };
}

function isMessage(value: Message | AnswerOptions): value is Message {
  return typeof (value as Message).commandCode === 'number' && Array.isArray((value as Message).avps);
}
