// Keyboard shortcuts (chrome.commands): answer, hang up, mute, call the
// selection. Each asks the phone for a fresh snapshot and acts on the call
// it picks; failures are said in a notification, never dropped.
import { MAX_LINK_TEXT } from '../shared/phone-text';
import { errorMessage } from '../shared/protocol';
import { activeCall, hangUpTarget, ringingCalls } from '../shared/call-selectors';
import { showError } from './notify';
import { toPhone } from './router';
import { callSelection, siteOf } from './context-menu';
import { t } from '../shared/i18n';

export type ShortcutCommand = 'answer-call' | 'hang-up' | 'toggle-mute' | 'call-selection';

/** Reads the selected text of the tab the shortcut was pressed in (activeTab grants it). */
async function selectionIn(tab: chrome.tabs.Tab | undefined): Promise<string> {
  if (tab?.id === undefined) return '';
  const results = await chrome.scripting.executeScript({
    target: { tabId: tab.id, allFrames: true },
    func: () => globalThis.getSelection()?.toString() ?? '',
  });
  return results.map((r) => (typeof r.result === 'string' ? r.result : '')).find((text) => text.trim() !== '') ?? '';
}

export async function runShortcut(command: string, tab?: chrome.tabs.Tab): Promise<void> {
  if (command === 'call-selection') {
    const text = (await selectionIn(tab)).trim();
    if (!text) throw new Error(t('error_select_number_first'));
    // Same normalisation, confirmation and messages as the context menu's "Call <selection>".
    await callSelection(text.slice(0, MAX_LINK_TEXT), siteOf(tab?.url), 'selection');
    return;
  }
  // The call shortcuts act on the call a fresh snapshot picks.
  const snapshot = await toPhone('phone.getSnapshot', {});
  switch (command as Exclude<ShortcutCommand, 'call-selection'>) {
    case 'answer-call': {
      const call = ringingCalls(snapshot.calls)[0];
      if (!call) throw new Error(t('error_no_call_ringing'));
      await toPhone('phone.answer', { callId: call.id });
      return;
    }
    case 'hang-up': {
      const target = hangUpTarget(snapshot.calls);
      if (!target) throw new Error(t('error_no_call_to_hang_up'));
      await toPhone(target.action === 'hangup' ? 'phone.hangup' : 'phone.decline', { callId: target.call.id });
      return;
    }
    case 'toggle-mute': {
      const call = activeCall(snapshot.calls);
      if (!call) throw new Error(t('error_no_call_to_mute'));
      await toPhone('phone.setMuted', { callId: call.id, muted: !call.muted });
      return;
    }
    default:
      throw new Error(`Unknown shortcut "${command}".`);
  }
}

export function registerShortcuts(): void {
  chrome.commands.onCommand.addListener((command, tab) => {
    runShortcut(command, tab).catch((error: unknown) => void showError(errorMessage(error)));
  });
}
