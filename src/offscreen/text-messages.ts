// SIP MESSAGE out and in. SessionManager.message() resolves once the request is
// sent, so a wrong number would look delivered: we wait for the final response.
import { Messager, UserAgent, type Message, type Web } from 'sip.js';
import { ClickDialError, errorDetail } from '../shared/protocol';
import { words, type Words } from '../shared/words';
import { MAX_MESSAGE_LENGTH } from '../shared/conversations';
import type { ReceivedMessage } from '../shared/snapshot';

export function describeMessageFailure(status: number, reason: string): Words {
  const said = { status: String(status), reason };
  switch (status) {
    case 404:
    case 604:
      return words('message_not_found', said);
    case 480:
      return words('message_unreachable', { reason });
    case 408:
      return words('message_timeout');
    case 415:
    case 488:
      return words('message_not_taken', said);
    default:
      return words('message_not_delivered', said);
  }
}

/** Resolves when the far end (or its server) accepted the MESSAGE; rejects in words otherwise. */
export function sendTextMessage(manager: Web.SessionManager, uri: string, body: string): Promise<void> {
  const target = UserAgent.makeURI(uri);
  if (!target) return Promise.reject(new ClickDialError(words('message_not_sip_address', { uri }), 'invalid'));
  return new Promise<void>((resolve, reject) => {
    new Messager(manager.userAgent, target, body)
      .message({
        requestDelegate: {
          onAccept: () => resolve(),
          onReject: (response) => {
            const { statusCode = 0, reasonPhrase = '' } = response.message;
            reject(new ClickDialError(describeMessageFailure(statusCode, reasonPhrase), 'failed'));
          },
        },
      })
      .catch((error: unknown) => reject(new ClickDialError(words('message_not_sent', { detail: errorDetail(error) }), 'failed')));
  });
}

/** An incoming MESSAGE as data for the service worker. */
export function receivedMessage(message: Message, accountId: string, now = Date.now()): ReceivedMessage {
  const from = message.request.from;
  const type = (message.request.getHeader('content-type') ?? 'text/plain').toLowerCase();
  const text = /^text\//.test(type) ? message.request.body : '';
  return {
    accountId,
    from: {
      uri: from.uri.toString(),
      user: from.uri.user ?? from.uri.host,
      ...(from.displayName ? { displayName: from.displayName } : {}),
    },
    body: text.slice(0, MAX_MESSAGE_LENGTH),
    ...(/^text\//.test(type) ? {} : { unshown: type.split(';')[0]!.trim().slice(0, 100) }),
    at: now,
  };
}
