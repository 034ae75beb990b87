// The service worker: routes messages and keeps the phone document alive. It
// holds no call state (Chrome stops it whenever it likes), so every listener
// is registered synchronously at the top level, where a restart finds it.
import browser from 'webextension-polyfill';
import { serve } from '../shared/messenger';
import { loadAccounts } from './account-store';
import { ensurePhone, route, toPhone } from './router';
import { onPhoneEvent } from '../shared/phone-events';
import { emptySnapshot } from '../shared/snapshot';
import { notifyCallEnded, notifyMessage, registerNotificationHandlers, syncIncomingNotifications } from './call-notifications';
import { registerShortcuts } from './shortcuts';
import { registerContextMenu } from './context-menu';
import { mirrorClickToCallSettings, protectStorage } from './storage-access';
import { syncPageScript } from './page-script';
import { onPermissionsChanged } from '../shared/host-access';
import { showOnToolbar } from './toolbar';
import { listenForCallHistory, recordCall } from './call-history';
import { watchPhone } from './phone-watch';
import { listenForMessages } from './message-store';
import { openSetupOnInstall } from './setup-tab';
import { showCallWindowForRings } from './call-window';
import { watchContactDirectory } from './contact-directory';

const KEEPALIVE_ALARM = 'phone-keepalive';

serve('router', route);
registerShortcuts();
registerContextMenu();
protectStorage();
registerNotificationHandlers();
listenForCallHistory();
listenForMessages();
watchContactDirectory();
openSetupOnInstall();

// The phone pushes every change; the worker mirrors it on its surfaces
// (toolbar, notifications) without keeping any of it.
onPhoneEvent('phone.snapshot', (snapshot) => {
  void showOnToolbar(snapshot);
  void syncIncomingNotifications(snapshot);
  showCallWindowForRings(snapshot);
});
onPhoneEvent('phone.callEnded', (ended) => void notifyCallEnded(ended));
onPhoneEvent('phone.messageReceived', (message) => void notifyMessage(message));
// The phone's port: its document closing is heard at once, and the phone brought back.
watchPhone({
  fileLost: async (ended) => {
    await recordCall(ended);
    await notifyCallEnded(ended);
  },
  restart: () => wakePhone(),
});

/** Brings the phone up when there is an account: incoming calls need it running. */
async function wakePhone(): Promise<void> {
  const { accounts } = await loadAccounts();
  if (accounts.length === 0) {
    await showOnToolbar(emptySnapshot());
    return;
  }
  await ensurePhone();
  await showOnToolbar(await toPhone('phone.getSnapshot', {}));
}

/**
 * On install or update and on each browser start: what then lasts by itself
 * (registered page script, session storage, alarms), so that the worker's
 * many short wake-ups (one per phone event) do none of it.
 */
async function setUp(): Promise<void> {
  const results = await Promise.allSettled([
    syncPageScript(),
    mirrorClickToCallSettings(),
    // Chrome may close the offscreen document; check once a minute and recreate
    // it, so that the phone stays registered without anyone opening the popup.
    browser.alarms.create(KEEPALIVE_ALARM, { periodInMinutes: 1 }),
  ]);
  for (const r of results) if (r.status === 'rejected') console.error('ClickDial: setting up failed', r.reason);
  await wakePhone();
}

// Click-to-call on all sites is an optional permission: the page script follows the user's grant.
onPermissionsChanged(() => void syncPageScript().catch((e: unknown) => console.error('ClickDial: page script', e)));

browser.runtime.onStartup.addListener(() => void setUp());
browser.runtime.onInstalled.addListener(() => void setUp());
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === KEEPALIVE_ALARM) void wakePhone();
});
