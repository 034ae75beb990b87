// The confirmation window: the number a page, a selection or the context
// menu wants to call, shown before anything is dialled, in a window of
// ClickDial's own that no page can draw over or read. Call is the default
// (Enter); Cancel, Escape or closing the window drops it.
//
// Input that was meant for the page must not confirm. Call arms only after
// ARM_MS with no key press or pointer press at all: the window showing, or
// regaining focus, starts that quiet time, and every press while it is not
// armed starts it again. So a page that gets the user to press Enter or click
// again and again (a "be quick" game) never lands on an armed Call; a held
// key's repeats are ignored too.
//
//   showing ──ARM_MS quiet──▶ armed ──Call──▶ calling ──ok──▶ closed
//      ▲  ▲ press / focus          │              └─fails─▶ armed (error shown)
//      │  └──────────────────┘      └─focus──▶ showing
//      └────── any press restarts the quiet time while showing
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CallConfirmation, ConfirmReason } from '../shared/call-confirmation';
import { numberFacts, textShowsNumber } from '../shared/number-facts';
import { contactNameFor } from '../shared/caller-name';
import { useAddressBook } from '../shared/use-address-book';
import type { ConfirmActions } from './confirm-actions';
import { t, uiLanguage, type MessageKey } from '../shared/i18n';

export const ARM_MS = 600;

const regionNames = new Intl.DisplayNames(uiLanguage(), { type: 'region' });

const TYPE_WORDS: Partial<Record<string, MessageKey>> = {
  PREMIUM_RATE: 'confirm_type_premium',
  SHARED_COST: 'confirm_type_shared_cost',
  PERSONAL_NUMBER: 'confirm_type_personal',
  UAN: 'confirm_type_uan',
  PAGER: 'confirm_type_pager',
  VOICEMAIL: 'confirm_type_voicemail',
};

function reasonText(reason: ConfirmReason, c: CallConfirmation, typeWords: string): { text: string; danger?: boolean } | undefined {
  switch (reason) {
    case 'emergency':
      return { text: t('confirm_emergency'), danger: true };
    case 'high-cost':
      return { text: t('confirm_high_cost', { type: typeWords }), danger: true };
    case 'text-differs':
      return { text: t('confirm_text_differs'), danger: true };
    case 'not-seen':
      return { text: t('confirm_not_seen') };
    case 'cross-origin-frame':
      return { text: t('confirm_cross_origin') };
    case 'short-number':
      return { text: t('confirm_short_number') };
    case 'in-call':
      return { text: t('confirm_in_call') };
    case 'selection':
      return { text: c.source === 'menu' ? t('confirm_selection_menu') : t('confirm_selection_shortcut') };
    case 'asked':
      return undefined;
  }
}

export function ConfirmCall({
  confirmation,
  actions,
  now = () => performance.now(),
}: {
  confirmation: CallConfirmation | null;
  actions: ConfirmActions;
  now?: () => number;
}) {
  const armedAt = useRef(now() + ARM_MS);
  const callButton = useRef<HTMLButtonElement>(null);
  const [atOnce, setAtOnce] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [armed, setArmed] = useState(false);
  // The user's own address book (never the page's words): who the number belongs to, if it is a contact's.
  const book = useAddressBook();

  useEffect(() => {
    callButton.current?.focus();
    let timer = setTimeout(() => setArmed(true), ARM_MS);
    const rearm = () => {
      armedAt.current = now() + ARM_MS;
      setArmed(false);
      clearTimeout(timer);
      timer = setTimeout(() => setArmed(true), ARM_MS);
    };
    const notArmed = () => now() < armedAt.current;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') actions.close();
      // A held key repeats: only a fresh press is the user's answer.
      else if (event.repeat) event.preventDefault();
      // Pressed too soon: this press does nothing, and the quiet time starts again.
      else if (notArmed()) {
        event.preventDefault();
        rearm();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!notArmed()) return;
      event.preventDefault();
      rearm();
    };
    window.addEventListener('focus', rearm);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('focus', rearm);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
      clearTimeout(timer);
    };
  }, [actions, now]);

  if (!confirmation) {
    return (
      <main class="confirm">
        <h1>{t('confirm_nothing')}</h1>
        <p class="error" role="alert">
          {t('confirm_broken')}
        </p>
        <div class="buttons">
          <button type="button" onClick={() => actions.close()}>
            {t('confirm_close')}
          </button>
        </div>
      </main>
    );
  }

  const facts = numberFacts(confirmation.dial, confirmation.region);
  const shown = facts.national ?? facts.dial;
  const contact = contactNameFor(facts.dial, book.directory);
  const country = facts.country ? (regionNames.of(facts.country) ?? facts.country) : undefined;
  const typeWords = t((facts.type && TYPE_WORDS[facts.type]) || 'confirm_type_unknown');
  const warnings = confirmation.reasons.map((r) => reasonText(r, confirmation, typeWords)).filter((w) => w !== undefined);
  const offerAtOnce = confirmation.source === 'link' && confirmation.reasons.includes('asked');
  const linkText = confirmation.text?.trim();
  // The link's text matters when it says something other than this number, written some way.
  const justTheNumber =
    linkText !== undefined && /^[\d\s+().\-/]*$/.test(linkText) && textShowsNumber(linkText, facts.dial, confirmation.region);
  const showLinkText = linkText !== undefined && linkText !== '' && !justTheNumber;

  const call = async () => {
    if (now() < armedAt.current || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      if (atOnce) await actions.callAtOnceFrom(confirmation.site);
      await actions.call(confirmation.dial, confirmation.line?.id);
      actions.close();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <main class="confirm" aria-labelledby="confirm-heading" aria-describedby="confirm-number">
      <h1 id="confirm-heading">{t('confirm_heading')}</h1>
      <p class="number" id="confirm-number" data-testid="confirm-number">
        {shown}
      </p>
      <dl>
        {contact !== undefined && (
          <>
            <dt>{t('confirm_contact')}</dt>
            <dd data-testid="confirm-contact">{contact}</dd>
          </>
        )}
        {facts.e164 && (
          <>
            <dt>{t('confirm_international')}</dt>
            <dd data-testid="confirm-e164">{facts.e164}</dd>
          </>
        )}
        {country && (
          <>
            <dt>{t('confirm_country')}</dt>
            <dd data-testid="confirm-country">{country}</dd>
          </>
        )}
        <dt>{t('confirm_from')}</dt>
        <dd data-testid="confirm-site">{confirmation.site || t('confirm_a_page')}</dd>
        {confirmation.line && (
          <>
            <dt>{t('confirm_calls_from')}</dt>
            <dd data-testid="confirm-line">{confirmation.line.label}</dd>
          </>
        )}
        {confirmation.frame && (
          <>
            <dt>{t('confirm_frame_from')}</dt>
            <dd data-testid="confirm-frame">{confirmation.frame}</dd>
          </>
        )}
        {showLinkText && (
          <>
            <dt>{t('confirm_link_text')}</dt>
            <dd data-testid="confirm-link-text">{t('confirm_quoted', { text: linkText })}</dd>
          </>
        )}
      </dl>
      {warnings.length > 0 && (
        <ul class="warnings" id="confirm-warnings" data-testid="confirm-warnings">
          {warnings.map((w) => (
            <li key={w.text} class={w.danger ? 'danger' : undefined}>
              {w.text}
            </li>
          ))}
        </ul>
      )}
      {offerAtOnce && (
        <label class="at-once">
          <input type="checkbox" checked={atOnce} onChange={(e) => setAtOnce(e.currentTarget.checked)} />{' '}
          {t('confirm_at_once', { site: confirmation.site })}
        </label>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="buttons">
        <button type="button" onClick={() => actions.close()}>
          {t('confirm_cancel')}
        </button>
        <button
          type="button"
          class="call"
          ref={callButton}
          // Focus lands here: a screen reader then reads the number and the warnings with the button.
          aria-describedby={warnings.length > 0 ? 'confirm-number confirm-warnings' : 'confirm-number'}
          aria-disabled={!armed || busy ? 'true' : undefined}
          data-armed={armed ? 'true' : 'false'}
          onClick={() => void call()}
        >
          {t('confirm_call')}
        </button>
      </div>
    </main>
  );
}
