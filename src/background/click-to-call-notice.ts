// Tells the user why a click-to-call or "Call <selection>" did not start a
// call: the page and the context menu have no UI of their own to say it in.
// One notification id, so a second failure replaces the first.
import { t } from '../shared/i18n';

const NOTICE_ID = 'click-to-call-problem';

export async function showClickToCallProblem(message: string): Promise<void> {
  await chrome.notifications.clear(NOTICE_ID).catch(() => false);
  await chrome.notifications
    .create(NOTICE_ID, {
      type: 'basic',
      iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
      title: t('notify_could_not_call'),
      message,
      priority: 1,
    })
    .catch(() => undefined); // no notification permission or UI: nothing else to tell it with
}
