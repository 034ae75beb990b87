// Applies the phone's state to the toolbar button: the handset icon in the
// state's colour (PNGs drawn from icons/handset.svg by scripts/render-icons.ts),
// a badge while ringing or in a call, and a title that says it in words.
import { TONE_ICONS, toolbarAppearance } from './toolbar-state';
import type { PhoneSnapshot } from '../shared/snapshot';

let last = '';

export async function showOnToolbar(snapshot: PhoneSnapshot): Promise<void> {
  const look = toolbarAppearance(snapshot);
  const key = JSON.stringify(look);
  if (key === last) return;
  last = key;
  const icon = TONE_ICONS[look.tone];
  await Promise.all([
    chrome.action.setIcon({ path: { 16: `/icons/state/${icon}-16.png`, 32: `/icons/state/${icon}-32.png` } }),
    chrome.action.setTitle({ title: look.title }),
    chrome.action.setBadgeText({ text: look.badgeText }),
    chrome.action.setBadgeBackgroundColor({ color: look.badgeColor }),
  ]);
}
