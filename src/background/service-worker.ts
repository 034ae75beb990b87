// The service worker: routes messages and keeps the phone document alive. It
// holds no call state (Chrome stops it whenever it likes), so every listener
// is registered synchronously at the top level, where a restart finds it.
import browser from 'webextension-polyfill';
import { serve } from '../shared/messenger';
import { loadAccount } from './account-store';
import { ensurePhone, route, toPhone } from './router';
import { onPhoneEvent } from '../shared/phone-events';
import { emptySnapshot } from '../shared/snapshot';
import { notifyCallEnded, notifyMessage, registerNotificationHandlers, syncIncomingNotifications } from './call-notifications';
import { registerShortcuts } from './shortcuts';
import { registerContextMenu } from './context-menu';
import { protectStorage } from './storage-access';
import { registerPageScript } from './page-script';
import { showOnToolbar } from './toolbar';
import { listenForCallHistory } from './call-history';
import { listenForMessages } from './message-store';

const KEEPALIVE_ALARM = 'phone-keepalive';

serve('background', route);
registerShortcuts();
registerContextMenu();
protectStorage();
registerPageScript().catch((error: unknown) => console.error('ClickDial: could not register the page script', error));
registerNotificationHandlers();
listenForCallHistory();
listenForMessages();

// The phone pushes every change; the worker mirrors it on its surfaces
// (toolbar, notifications) without keeping any of it.
onPhoneEvent('phone.snapshot', (snapshot) => {
  void showOnToolbar(snapshot);
  void syncIncomingNotifications(snapshot);
});
onPhoneEvent('phone.callEnded', (ended) => void notifyCallEnded(ended));
onPhoneEvent('phone.messageReceived', (message) => void notifyMessage(message));

/** Brings the phone up when there is an account: incoming calls need it running. */
async function wakePhone(): Promise<void> {
  const { account } = await loadAccount();
  if (!account) {
    await showOnToolbar(emptySnapshot());
    return;
  }
  await ensurePhone();
  await showOnToolbar(await toPhone('phone.getSnapshot', {}));
}

browser.runtime.onStartup.addListener(() => void wakePhone());
browser.runtime.onInstalled.addListener(() => void wakePhone());
// Chrome may close the offscreen document; check once a minute and recreate it,
// so that the phone stays registered without anyone opening the popup.
void browser.alarms.create(KEEPALIVE_ALARM, { periodInMinutes: 1 });
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === KEEPALIVE_ALARM) void wakePhone();
});
