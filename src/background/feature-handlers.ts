// Background requests for the phone's settings, text messages and call
// history. Kept apart from router.ts, which spreads them into its table.
import type { Handlers } from '../shared/messenger';
import { ClickDialError, type PhoneType, type ReplyOf, type RequestOf } from '../shared/protocol';
import { words } from '../shared/words';
import { optionalString, requireString } from '../shared/payload';
import { checkMessageBody } from '../shared/conversations';
import { validatePhoneSettings, parsePhoneSettings } from '../shared/phone-settings';
import { clearHistory } from './call-history';
import { markConversationRead, recordSent } from './message-store';
import { loadPhoneSettings, savePhoneSettings } from './settings-store';

export type FeatureType = 'settings.get' | 'settings.save' | 'messages.send' | 'messages.markRead' | 'history.clear';

export interface FeatureDeps {
  toPhone<T extends PhoneType>(type: T, payload: RequestOf<T>): Promise<ReplyOf<T>>;
  /** Hands the saved account and settings to the phone again. */
  reconfigure(): Promise<void>;
}

export function featureHandlers({ toPhone, reconfigure }: FeatureDeps): Handlers<FeatureType> {
  return {
    'settings.get': () => loadPhoneSettings(),
    'settings.save': async ({ settings }) => {
      const first = Object.values(validatePhoneSettings(settings))[0];
      if (first) throw new ClickDialError(first, 'invalid');
      const clean = parsePhoneSettings(settings);
      await savePhoneSettings(clean);
      await reconfigure();
      return clean;
    },
    'messages.send': async ({ target, body, accountId }) => {
      const text = typeof body === 'string' ? body : '';
      const problem = checkMessageBody(text);
      if (problem) throw new ClickDialError(problem, 'invalid');
      if (typeof target !== 'string' || target.trim() === '') throw new ClickDialError(words('error_message_no_target'), 'invalid');
      const from = optionalString(accountId, 'accountId', 64);
      const { to, accountId: sentFrom } = await toPhone('phone.sendMessage', {
        target: requireString(target.trim(), 'target'),
        body: text,
        ...(from !== undefined ? { accountId: from } : {}),
      });
      return { contact: await recordSent(to, text, sentFrom) };
    },
    'messages.markRead': async ({ contact }) => {
      await markConversationRead(requireString(contact, 'contact'));
      return null;
    },
    'history.clear': async () => {
      await clearHistory();
      return null;
    },
  };
}
