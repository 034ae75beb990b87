import { describe, expect, it } from 'vitest';
import {
  CONTACTS_LIMIT,
  MESSAGES_PER_CONTACT,
  addMessage,
  checkMessageBody,
  contactKey,
  markRead,
  receivedText,
  sortedKeys,
  totalUnread,
} from '../../src/shared/conversations';
import { parseConversations } from '../../src/shared/stored-conversations';
import { useLanguage } from '../support/chrome-i18n';

const bo = { uri: 'sip:1002@Clickdial.test;transport=ws', user: '1002', displayName: 'Bo' };

describe('conversations', () => {
  it('keys a contact by its bare address', () => {
    expect(contactKey('sip:1002@Clickdial.TEST;transport=ws')).toBe('sip:1002@clickdial.test');
    expect(contactKey('<sip:1002@x>')).toBe('<sip:1002@x>');
  });

  it('counts unread incoming messages until read', () => {
    let all = addMessage({}, bo, { direction: 'in', body: 'hi', at: 1 });
    all = addMessage(all, { uri: 'sip:1002@clickdial.test', user: '1002' }, { direction: 'out', body: 'hello', at: 2 });
    all = addMessage(all, bo, { direction: 'in', body: 'again', at: 3 });
    const c = all['sip:1002@clickdial.test']!;
    expect(c.messages.map((m) => m.body)).toEqual(['hi', 'hello', 'again']);
    expect(c.contact.displayName).toBe('Bo');
    expect(totalUnread(all)).toBe(2);
    expect(totalUnread(markRead(all, 'sip:1002@clickdial.test'))).toBe(0);
  });

  it('keeps the last messages per contact and the most recent contacts', () => {
    let all = {};
    for (let i = 0; i < MESSAGES_PER_CONTACT + 3; i++) all = addMessage(all, bo, { direction: 'out', body: String(i), at: i });
    expect(Object.values(parseConversations(all))[0]!.messages).toHaveLength(MESSAGES_PER_CONTACT);
    for (let i = 0; i < CONTACTS_LIMIT + 2; i++)
      all = addMessage(all, { uri: `sip:${i}@x`, user: String(i) }, { direction: 'in', body: 'x', at: 1000 + i });
    expect(Object.keys(all)).toHaveLength(CONTACTS_LIMIT);
    expect(sortedKeys(all)[0]).toBe(`sip:${CONTACTS_LIMIT + 1}@x`);
  });

  it('refuses empty and overlong messages in words', () => {
    expect(checkMessageBody('  ')).toBe('Type a message to send.');
    expect(checkMessageBody('x'.repeat(1001))).toMatch(/at most 1,000 characters/);
    expect(checkMessageBody('ok')).toBeUndefined();
    expect(parseConversations({ a: { nope: 1 } })).toEqual({});
  });

  it('says a received message that is not text in words of the UI language', () => {
    const from = { uri: 'sip:1002@x', user: '1002' };
    expect(receivedText({ accountId: 'a', from, body: 'Hi', at: 1 })).toBe('Hi');
    const image = { accountId: 'a', from, body: '', unshown: 'image/png', at: 1 };
    expect(receivedText(image)).toBe('(a image/png message ClickDial cannot show)');
    useLanguage('de');
    expect(receivedText(image)).toBe('(eine Nachricht vom Typ image/png, die ClickDial nicht anzeigen kann)');
    useLanguage('en');
  });
});
