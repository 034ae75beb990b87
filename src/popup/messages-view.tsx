import { useEffect, useState } from 'preact/hooks';
import { partyName } from '../shared/call-selectors';
import { checkMessageBody, sortedKeys, type Conversations } from '../shared/conversations';
import type { PhoneActions } from '../shared/phone-actions';
import { accountById, defaultAccount, isRegistered, lineName } from '../shared/account-selectors';
import type { PhoneSnapshot } from '../shared/snapshot';

interface Props {
  conversations: Conversations;
  actions: PhoneActions;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  /** The phone's accounts: a conversation goes on on its own line, a new message on the default one. */
  snapshot: PhoneSnapshot;
}

type Open = { kind: 'list' } | { kind: 'new' } | { kind: 'conversation'; key: string };

/** Text messages (SIP MESSAGE): the conversations, one conversation, or a new message. */
export function MessagesView({ conversations, actions, run, snapshot }: Props) {
  const [open, setOpen] = useState<Open>({ kind: 'list' });
  if (open.kind === 'conversation') {
    return (
      <ConversationView
        conversations={conversations}
        contactKey={open.key}
        actions={actions}
        run={run}
        snapshot={snapshot}
        onBack={() => setOpen({ kind: 'list' })}
      />
    );
  }
  if (open.kind === 'new') {
    return (
      <Compose
        actions={actions}
        run={run}
        snapshot={snapshot}
        onSent={(key) => setOpen({ kind: 'conversation', key })}
        onBack={() => setOpen({ kind: 'list' })}
      />
    );
  }
  const keys = sortedKeys(conversations);
  return (
    <section class="messages" aria-label="Messages">
      <button type="button" onClick={() => setOpen({ kind: 'new' })}>
        New message
      </button>
      {keys.length === 0 && <p class="empty">No messages yet.</p>}
      <ul class="conversations">
        {keys.map((key) => {
          const c = conversations[key]!;
          const last = c.messages.at(-1);
          return (
            <li key={key}>
              {/* Named by what it shows (the name, the unread count, the last message), led by words a screen reader says. */}
              <button type="button" class="conversation-item" onClick={() => setOpen({ kind: 'conversation', key })}>
                <span class="conversation-name">
                  <span class="sr-only">Conversation with </span>
                  {partyName(c.contact)}
                </span>
                {c.unread > 0 && (
                  <span class="unread" role="img" aria-label={`${c.unread} unread`}>
                    {c.unread}
                  </span>
                )}
                <span class="conversation-last">{last ? `${last.direction === 'out' ? 'You: ' : ''}${last.body}` : ''}</span>
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
  const name = conversation ? (conversation.contact.displayName ?? conversation.contact.user) : contactKey.replace(/^sips?:/, '');
  return (
    <section class="conversation" aria-label={`Conversation with ${name}`}>
      <header class="conversation-head">
        <button type="button" class="link" onClick={onBack}>
          ‹ Messages
        </button>
        <strong>{name}</strong>
        {line !== undefined && <span class="conversation-line">on {line}</span>}
      </header>
      <ol class="message-list">
        {(conversation?.messages ?? []).map((m, i) => (
          <li key={`${m.at}-${i}`} class={`message ${m.direction}`}>
            <span class="message-body">{m.body}</span>
            <time>{new Date(m.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</time>
          </li>
        ))}
      </ol>
      <MessageForm
        run={run}
        registered={isRegistered(account)}
        send={(body) => actions.sendMessage(conversation?.contact.uri ?? contactKey, body, account?.id)}
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
  return (
    <section class="compose" aria-label="New message">
      <header class="conversation-head">
        <button type="button" class="link" onClick={onBack}>
          ‹ Messages
        </button>
        <strong>New message</strong>
      </header>
      <input
        type="text"
        inputMode="tel"
        autoFocus
        aria-label="Message to"
        placeholder="Number or sip:user@domain"
        value={to}
        onInput={(e) => setTo(e.currentTarget.value)}
      />
      <MessageForm
        run={run}
        registered={isRegistered(account)}
        send={async (body) => {
          if (to.trim() === '') throw new Error('Enter a number or SIP address to send the message to.');
          const { contact } = await actions.sendMessage(to.trim(), body, account?.id);
          onSent(contact);
          return { contact };
        }}
      />
    </section>
  );
}

function MessageForm({ run, registered, send }: { run: Props['run']; registered: boolean; send: (body: string) => Promise<unknown> }) {
  const [body, setBody] = useState('');
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
      <textarea aria-label="Message" rows={2} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      {problem && (
        <small class="error" role="alert">
          {problem}
        </small>
      )}
      <button type="submit" class="answer" disabled={!registered} title={registered ? undefined : 'The phone is not registered'}>
        Send
      </button>
    </form>
  );
}
