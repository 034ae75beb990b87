// A call asked for from outside ClickDial's own pages: a link on a web page
// (content.call), the selected text (shortcut) or the context menu. The
// number is normalised again, described, and then dialled at once, shown in
// the confirmation window, or refused with a notice (call-consent.ts
// decides). One user action is one call: the same number while a call to it
// is being asked for or set up is not dialled twice.
//
//   request ──normalise──▶ refused (notice)
//      └──▶ described ──already calling it──▶ nothing
//              └──consent──▶ refuse (notice) | confirm (window, confirm-window.ts)
//                              | call ──in flight already──▶ nothing
//                                  └──▶ dialling ──▶ done | failed (notice)
import type { ClickToCallSettings } from '../shared/click-to-call-settings';
import { MAX_LINK_TEXT } from '../shared/phone-text';
import type { CallSource } from '../shared/call-confirmation';
import { accountLabel, defaultAccount } from '../shared/account-selectors';
import { numberFacts } from '../shared/number-facts';
import { normalisePhoneNumber } from '../shared/phone-number';
import type { PhoneSnapshot } from '../shared/snapshot';
import { decideConsent } from './call-consent';
import { showClickToCallProblem } from './click-to-call-notice';
import { askToConfirm } from './confirm-window';
import { t } from '../shared/i18n';
import { errorMessage } from '../shared/protocol';

export interface OutsideCall {
  source: CallSource;
  /** As found: a link's number, the selection's text. */
  number: string;
  site: string;
  text?: string;
  crossOrigin?: boolean;
  /** The frame's host, when it is not the tab's site. */
  frame?: string;
  intentChecked?: boolean;
}

export interface OutsideCallPhone {
  snapshot(): Promise<PhoneSnapshot>;
  dial(target: string): Promise<unknown>;
}

// Numbers whose call request is on its way to the phone: until it answers,
// the snapshot does not show the call yet, and a second click must not place
// a second one.
const dialling = new Set<string>();

/** A call to this number is already being set up or going on. */
function alreadyCalling(snapshot: PhoneSnapshot, dial: string): boolean {
  return snapshot.calls.some((c) => c.direction === 'outgoing' && c.state !== 'ended' && c.remote.user === dial);
}

/** `settings`: the click-to-call settings the caller read already (the site check needs them first). */
export async function handleOutsideCall(request: OutsideCall, phone: OutsideCallPhone, settings: ClickToCallSettings): Promise<void> {
  const normalised = normalisePhoneNumber(request.number, settings.defaultCountry);
  if (!normalised.ok) {
    await showClickToCallProblem(normalised.error);
    return;
  }
  const facts = numberFacts(normalised.e164, settings.defaultCountry);
  const snapshot = await phone.snapshot().catch(() => undefined);
  if (snapshot && alreadyCalling(snapshot, facts.dial)) return;
  // Without a snapshot we cannot know: assume a call is going on, so the user is asked.
  const callInProgress = snapshot ? snapshot.calls.some((c) => c.state !== 'ended') : true;
  const consent = decideConsent({ ...request, facts }, settings, callInProgress);
  // With several accounts the window says which one the call goes out on (the default), and uses that one.
  const from = snapshot && snapshot.accounts.length > 1 ? defaultAccount(snapshot) : undefined;
  const line = from ? { id: from.id, label: accountLabel(from.aor) } : undefined;
  if (consent.kind === 'refuse') {
    await showClickToCallProblem(consent.message);
    return;
  }
  if (consent.kind === 'confirm') {
    await askToConfirm({
      dial: facts.dial,
      site: request.site,
      ...(request.crossOrigin && request.frame ? { frame: request.frame } : {}),
      source: request.source,
      ...(request.text !== undefined ? { text: request.text.slice(0, MAX_LINK_TEXT) } : {}),
      reasons: consent.reasons,
      region: settings.defaultCountry,
      ...(line ? { line } : {}),
    });
    return;
  }
  if (dialling.has(facts.dial)) return;
  dialling.add(facts.dial);
  try {
    // Extensions are shown in the tooltip but not dialled (no post-dial tones yet).
    await phone.dial(facts.dial);
  } catch (error) {
    await showClickToCallProblem(t('error_calling_failed', { number: normalised.label, detail: errorMessage(error) }));
  } finally {
    dialling.delete(facts.dial);
  }
}
