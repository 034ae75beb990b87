// Whether a number that came from outside ClickDial's own pages (a web page's
// link, a selection, the context menu) may be dialled at once, must first be
// shown to the user in the confirmation window, or is refused. Pure: the
// rules of issue "Only the call the user meant" in one place.
//
// Dialled at once only when every one of these holds:
//   the user chose "call at once" for the tab's site, the request is a click
//   on a link in the tab's own frame (not a cross-origin frame, not a
//   selection or the menu), the click passed the content script's intent
//   checks, the link's visible text shows the number, the number is an
//   ordinary one (no emergency, short, premium-rate or other costly type),
//   and no call is in progress (a new call would put it on hold).
// Otherwise the confirmation window shows the number and the reasons. Short
// numbers from pages are refused unless they have the PBX's extension length.
import type { CallSource, ConfirmReason } from '../shared/call-confirmation';
import { callsAtOnce, type ClickToCallSettings } from '../shared/click-to-call-settings';
import type { NumberFacts } from '../shared/number-facts';
import { textShowsNumber } from '../shared/number-facts';
import { t } from '../shared/i18n';

export interface OutsideCallRequest {
  source: CallSource;
  /** The number to dial (E.164 or short digits, already normalised). */
  facts: NumberFacts;
  /** The tab's top-level site, which the settings are about. */
  site: string;
  /** The link's visible text (links only). */
  text?: string;
  /** The link is in a frame of another origin than the tab's page. */
  crossOrigin?: boolean;
  /** The content script's intent checks passed (links only). */
  intentChecked?: boolean;
}

export type Consent = { kind: 'call' } | { kind: 'confirm'; reasons: ConfirmReason[] } | { kind: 'refuse'; message: string };

export function decideConsent(request: OutsideCallRequest, settings: ClickToCallSettings, callInProgress: boolean): Consent {
  const { facts } = request;
  const fromPage = request.source === 'link';
  if (fromPage && facts.short && !facts.emergency) {
    const range = settings.extensionDigits;
    const length = facts.dial.length;
    if (!range || length < range.min || length > range.max) {
      return {
        kind: 'refuse',
        message: range
          ? t('consent_not_an_extension', { number: facts.dial, digits: describeRange(range) })
          : t('consent_short_number', { number: facts.dial }),
      };
    }
  }
  const reasons: ConfirmReason[] = [];
  if (!fromPage) reasons.push('selection');
  else if (!callsAtOnce(settings, request.site)) reasons.push('asked');
  if (fromPage && request.intentChecked !== true) reasons.push('not-seen');
  if (request.crossOrigin) reasons.push('cross-origin-frame');
  if (fromPage && !textShowsNumber(request.text ?? '', facts.dial, settings.defaultCountry)) reasons.push('text-differs');
  if (facts.emergency) reasons.push('emergency');
  else if (facts.short) reasons.push('short-number');
  if (facts.highCost) reasons.push('high-cost');
  if (callInProgress) reasons.push('in-call');
  return reasons.length === 0 ? { kind: 'call' } : { kind: 'confirm', reasons };
}

function describeRange({ min, max }: { min: number; max: number }): string {
  return min === max ? String(min) : t('consent_digit_range', { min, max });
}
