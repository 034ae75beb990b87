import { useEffect, useRef, useState } from 'preact/hooks';
import { partyName } from '../shared/describe-state';
import { checkMessageBody, sortedKeys, type Conversations } from '../shared/conversations';
import type { PhoneActions } from '../shared/phone-actions';
import { accountById, defaultAccount, isRegistered, lineName } from '../shared/account-selectors';
import type { PhoneSnapshot } from '../shared/snapshot';
import { useFocusOnMount, useFocusRequest } from './focus-keeper';
import { around, formatTime, plural, t } from '../shared/i18n';

interface Props {
  conversations: Conversations;
  actions: PhoneActions;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  /** The phone's accounts: a conversation goes on on its own line, a new message on the default one. */
  snapshot: PhoneSnapshot;
}

type Open = { kind: 'list' } | { kind: 'new' } | { kind: 'conversation'; key: string };

/** Text messages (SIP MESSAGE): the conversations, one conversation, or a new message. */
/** Escape goes back to the list, as ‹ Messages does. */
const backOnEscape = (onBack: () => void) => (event: KeyboardEvent) => {
  if (event.key !== 'Escape') return;
  event.preventDefault();
  event.stopPropagation();
  onBack();
};

export function MessagesView({ conversations, actions, run, snapshot }: Props) {
  const [open, setOpen] = useState<Open>({ kind: 'list' });
  const requestFocus = useFocusRequest();
  // Back in the list, focus returns to what opened the view: New message, or the conversation's button.
  const opener = useRef<string>('new');
  const back = () => {
    setOpen({ kind: 'list' });
    const which = opener.current;
    requestFocus(() =>
      which === 'new'
        ? document.querySelector<HTMLElement>('button.new-message')
        : document.querySelector<HTMLElement>(`button.conversation-item[data-contact="${CSS.escape(which)}"]`),
    );
  };
  const show = (next: Open) => {
    if (next.kind !== 'list') opener.current = next.kind === 'new' ? 'new' : next.key;
    setOpen(next);
  };
  if (open.kind === 'conversation') {
    return (
      <ConversationView conversations={conversations} contactKey={open.key} actions={actions} run={run} snapshot={snapshot} onBack={back} />
    );
  }
  if (open.kind === 'new') {
    return <Compose actions={actions} run={run} snapshot={snapshot} onSent={(key) => show({ kind: 'conversation', key })} onBack={back} />;
  }
  const keys = sortedKeys(conversations);
  const [withBefore, withAfter] = around('conversation_with', 'name');
  return (
    <section class="messages" aria-label={t('messages_label')}>
      <button type="button" class="new-message" onClick={() => show({ kind: 'new' })}>
        {t('message_new')}
      </button>
      {keys.length === 0 && <p class="empty">{t('messages_empty')}</p>}
      <ul class="conversations">
        {keys.map((key) => {
          const c = conversations[key]!;
          const last = c.messages.at(-1);
          return (
            <li key={key}>
              {/* Named by what it shows (the name, the unread count, the last message), led by words a screen reader says. */}
              <button type="button" class="conversation-item" data-contact={key} onClick={() => show({ kind: 'conversation', key })}>
                <span class="conversation-name">
                  <span class="sr-only">{withBefore}</span>
                  {partyName(c.contact)}
                  {withAfter && <span class="sr-only">{withAfter}</span>}
                </span>
                {c.unread > 0 && (
                  <span class="unread" role="img" aria-label={plural('unread', c.unread)}>
                    {c.unread}
                  </span>
                )}
                <span class="conversation-last">
                  {last ? (last.direction === 'out' ? t('message_mine', { body: last.body }) : last.body) : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ConversationView({
  conversations,
  contactKey,
  actions,
  run,
  snapshot,
  onBack,
}: Props & { contactKey: string; onBack: () => void }) {
  const conversation = conversations[contactKey];
  // Replies go out on the conversation's line while that account exists.
  const account = accountById(snapshot, conversation?.accountId) ?? defaultAccount(snapshot);
  const line = lineName(snapshot, account?.id);
  const unread = conversation?.unread ?? 0;
  // Opening a conversation reads it; so does a message arriving while it is open.
  useEffect(() => {
    if (unread > 0) void actions.markRead(contactKey).catch(() => undefined);
  }, [contactKey, unread]);
  const name = conversation ? partyName(conversation.contact) : contactKey.replace(/^sips?:/, '');
  return (
    <section class="conversation" aria-label={t('conversation_with', { name })} onKeyDown={backOnEscape(onBack)}>
      <header class="conversation-head">
        <button type="button" class="link" onClick={onBack}>
          {t('messages_back')}
        </button>
        <strong>{name}</strong>
        {line !== undefined && <span class="conversation-line">{t('conversation_line', { line })}</span>}
      </header>
      <ol class="message-list">
        {(conversation?.messages ?? []).map((m, i) => (
          <li key={`${m.at}-${i}`} class={`message ${m.direction}`}>
            <span class="message-body">{m.body}</span>
            <time>{formatTime(m.at)}</time>
          </li>
        ))}
      </ol>
      <MessageForm
        run={run}
        registered={isRegistered(account)}
        send={(body) => actions.sendMessage(conversation?.contact.uri ?? contactKey, body, account?.id)}
        focusFirst
      />
    </section>
  );
}

function Compose({
  actions,
  run,
  snapshot,
  onSent,
  onBack,
}: Omit<Props, 'conversations'> & { onSent: (key: string) => void; onBack: () => void }) {
  const [to, setTo] = useState('');
  const account = defaultAccount(snapshot);
  const toField = useFocusOnMount<HTMLInputElement>();
  return (
    <section class="compose" aria-label={t('message_new')} onKeyDown={backOnEscape(onBack)}>
      <header class="conversation-head">
        <button type="button" class="link" onClick={onBack}>
          {t('messages_back')}
        </button>
        <strong>{t('message_new')}</strong>
      </header>
      <input
        type="text"
        inputMode="tel"
        ref={toField}
        aria-label={t('message_to')}
        placeholder={t('dial_field_placeholder')}
        value={to}
        onInput={(e) => setTo(e.currentTarget.value)}
      />
      <MessageForm
        run={run}
        registered={isRegistered(account)}
        send={async (body) => {
          if (to.trim() === '') throw new Error(t('message_needs_recipient'));
          const { contact } = await actions.sendMessage(to.trim(), body, account?.id);
          onSent(contact);
          return { contact };
        }}
      />
    </section>
  );
}

function MessageForm({
  run,
  registered,
  send,
  focusFirst = false,
}: {
  run: Props['run'];
  registered: boolean;
  send: (body: string) => Promise<unknown>;
  /** The message field takes focus when shown (in a conversation; a new message starts at "Message to"). */
  focusFirst?: boolean;
}) {
  const [body, setBody] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusFirst) field.current?.focus();
  }, []);
  const [problem, setProblem] = useState<string>();
  return (
    <form
      class="message-form"
      onSubmit={(e) => {
        e.preventDefault();
        const why = checkMessageBody(body);
        setProblem(why);
        if (why) return;
        void run(() => send(body)).then((ok) => ok && setBody(''));
      }}
    >
      <textarea ref={field} aria-label={t('message_field')} rows={2} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      {problem && (
        <small class="error" role="alert">
          {problem}
        </small>
      )}
      <button type="submit" class="answer" disabled={!registered} title={registered ? undefined : t('message_not_registered')}>
        {t('message_send')}
      </button>
    </form>
  );
}
