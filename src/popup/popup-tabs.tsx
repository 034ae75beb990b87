import { useEffect, useState } from 'preact/hooks';
import type { HistoryEntry } from '../shared/call-history';
import { totalUnread, type Conversations } from '../shared/conversations';
import type { PhoneActions } from '../shared/phone-actions';
import type { PhoneSnapshot } from '../shared/snapshot';
import { HistoryList } from './history-list';
import { MessagesView } from './messages-view';
import { PhoneView } from './phone-view';
import { useAction } from './use-action';
import { ErrorBanner } from './error-banner';

type Tab = 'phone' | 'history' | 'messages';

interface Props {
  snapshot: PhoneSnapshot;
  actions: PhoneActions;
  unreachable?: string | undefined;
  history: HistoryEntry[];
  conversations: Conversations;
}

/** Phone, recent calls and messages; a ringing call always brings the phone to the front. */
export function PopupTabs({ snapshot, actions, unreachable, history, conversations }: Props) {
  const [tab, setTab] = useState<Tab>('phone');
  const { error, run, clear } = useAction();
  const unread = totalUnread(conversations);
  const ringing = snapshot.calls.some((c) => c.direction === 'incoming' && c.state === 'ringing');
  useEffect(() => {
    if (ringing) setTab('phone');
  }, [ringing]);
  const tabButton = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`panel-${id}`}
      class={tab === id ? 'tab selected' : 'tab'}
      onClick={() => setTab(id)}
    >
      {label}
    </button>
  );
  return (
    <>
      <nav class="tabs" role="tablist" aria-label="ClickDial">
        {tabButton('phone', 'Phone')}
        {tabButton('history', 'History')}
        {tabButton('messages', unread > 0 ? `Messages (${unread})` : 'Messages')}
      </nav>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'phone' ? (
          <PhoneView snapshot={snapshot} actions={actions} unreachable={unreachable} />
        ) : (
          <main class="phone">
            <ErrorBanner error={error} onDismiss={clear} />
            {tab === 'history' ? (
              <HistoryList
                history={history}
                aor={snapshot.aor}
                run={run}
                onCall={async (uri) => {
                  await actions.call(uri);
                  setTab('phone');
                }}
                onClear={actions.clearHistory}
              />
            ) : (
              <MessagesView conversations={conversations} actions={actions} run={run} registered={snapshot.registration === 'registered'} />
            )}
          </main>
        )}
      </div>
    </>
  );
}
