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
import { ringingCalls } from '../shared/call-selectors';
import { LiveRegions, type Spoken } from '../shared/live-regions';
import { FocusRequestProvider, useFocusKeeper } from './focus-keeper';
import { t } from '../shared/i18n';
import { PopOut } from './pop-out';

type Tab = 'phone' | 'history' | 'messages';
const TABS: readonly Tab[] = ['phone', 'history', 'messages'];

/** The ARIA tabs pattern's keys: arrows move to the next or previous tab (wrapping), Home and End to the ends. */
export function tabForKey(key: string, current: Tab): Tab | undefined {
  const i = TABS.indexOf(current);
  const last = TABS.length - 1;
  const to = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[key];
  return to === undefined ? undefined : TABS[to];
}

interface Props {
  snapshot: PhoneSnapshot;
  actions: PhoneActions;
  unreachable?: string | undefined;
  history: HistoryEntry[];
  conversations: Conversations;
  /** What the live regions say (shared/use-announcements.ts). */
  spoken?: Spoken;
  /** "Pop out": opens the call window and closes the popup (absent: no button). */
  onPopOut?: () => Promise<unknown>;
}

/** Phone, recent calls and messages; a ringing call always brings the phone to the front. */
export function PopupTabs({
  snapshot,
  actions,
  unreachable,
  history,
  conversations,
  spoken = { polite: '', assertive: '' },
  onPopOut,
}: Props) {
  const [tab, setTab] = useState<Tab>('phone');
  const { error, run, clear } = useAction();
  const unread = totalUnread(conversations);
  const ringing = ringingCalls(snapshot.calls).length > 0;
  useEffect(() => {
    if (ringing) setTab('phone');
  }, [ringing]);
  const requestFocus = useFocusKeeper(snapshot);
  const tabButton = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`panel-${id}`}
      // One tab stop for the tab list: the arrows move between tabs (ARIA tabs pattern).
      tabIndex={tab === id ? 0 : -1}
      class={tab === id ? 'tab selected' : 'tab'}
      onClick={() => setTab(id)}
    >
      {label}
    </button>
  );
  return (
    <FocusRequestProvider value={requestFocus}>
      <main class="popup">
        <h1 class="sr-only">{t('extension_name')}</h1>
        <LiveRegions spoken={spoken} />
        <div
          class="tabs"
          role="tablist"
          aria-label={t('extension_name')}
          onKeyDown={(event) => {
            const next = tabForKey(event.key, tab);
            if (!next) return;
            event.preventDefault();
            setTab(next);
            document.getElementById(`tab-${next}`)?.focus();
          }}
        >
          {tabButton('phone', t('tab_phone'))}
          {tabButton('history', t('tab_history'))}
          {tabButton('messages', unread > 0 ? t('tab_messages_unread', { count: unread }) : t('tab_messages'))}
        </div>
        {onPopOut && <PopOut onPopOut={onPopOut} />}
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === 'phone' ? (
            <PhoneView snapshot={snapshot} actions={actions} unreachable={unreachable} />
          ) : (
            <div class="phone">
              <ErrorBanner error={error} onDismiss={clear} />
              {tab === 'history' ? (
                <HistoryList
                  history={history}
                  snapshot={snapshot}
                  run={run}
                  onCall={async (uri, accountId) => {
                    await actions.call(uri, accountId);
                    setTab('phone');
                  }}
                  onClear={actions.clearHistory}
                />
              ) : (
                <MessagesView conversations={conversations} actions={actions} run={run} snapshot={snapshot} />
              )}
            </div>
          )}
        </div>
      </main>
    </FocusRequestProvider>
  );
}
