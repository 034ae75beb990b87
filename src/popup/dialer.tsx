import { useState } from 'preact/hooks';
import { accountById, accountLabel, defaultAccount, describeAccount, isRegistered } from '../shared/account-selectors';
import type { PhoneActions } from '../shared/phone-actions';
import type { PhoneSnapshot } from '../shared/snapshot';
import { useFocusRequest } from './focus-keeper';
import { t } from '../shared/i18n';
import { NumberCombobox } from './number-combobox';
import { useDialSuggestions } from './use-dial-suggestions';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

interface Props {
  snapshot: PhoneSnapshot;
  actions: PhoneActions;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  /** Escape: close the dial pad (when it was opened over calls). */
  onEscape?: (() => void) | undefined;
}

/** The Hang up of an outgoing call that is not one of `known`: the call just placed. */
function newCallHangup(known: ReadonlySet<string>): HTMLElement | undefined {
  const cards = [...document.querySelectorAll<HTMLElement>('article.call[data-direction="outgoing"]')];
  const card = cards.filter((c) => !known.has(c.dataset.callId ?? '')).at(-1);
  return card?.querySelector<HTMLElement>('[data-focus="hangup"]') ?? undefined;
}

export function Dialer({ snapshot, actions, run, onEscape }: Props) {
  const requestFocus = useFocusRequest();
  const [target, setTarget] = useState('');
  // The line to call from: the default one unless the user picks another (kept while that one exists).
  const [picked, setPicked] = useState<string>();
  const from = accountById(snapshot, picked) ?? defaultAccount(snapshot);
  const canCall = isRegistered(from) && target.trim() !== '';
  const { suggestions, country } = useDialSuggestions(target);
  const call = async (number = target, video = false) => {
    // Focus goes to the new call's Hang up once it shows (the dial pad goes away with it).
    const known = new Set(snapshot.calls.map((c) => c.id));
    if (await run(() => actions.call(number, from?.id, video))) {
      setTarget('');
      requestFocus(() => newCallHangup(known));
    }
  };
  return (
    <form
      class="dialer"
      onSubmit={(e) => {
        e.preventDefault();
        if (canCall) void call();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !onEscape) return;
        e.preventDefault();
        e.stopPropagation();
        onEscape();
      }}
    >
      <NumberCombobox
        autoFocus
        dataFocus="dial"
        label={t('dial_field_label')}
        placeholder={t('dial_field_placeholder')}
        value={target}
        onValue={setTarget}
        suggestions={suggestions}
        country={country}
        onPick={(s) => {
          // Choosing a contact calls it, as Call would with its number typed.
          setTarget(s.dial);
          if (isRegistered(from)) void call(s.dial);
        }}
      />
      {snapshot.accounts.length > 1 && (
        <label class="dial-from">
          {t('dial_from')}{' '}
          <select value={from?.id} onChange={(e) => setPicked(e.currentTarget.value)}>
            {snapshot.accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {isRegistered(account)
                  ? accountLabel(account.aor)
                  : t('dial_from_option', { account: accountLabel(account.aor), state: describeAccount(account) })}
              </option>
            ))}
          </select>
        </label>
      )}
      <div class="keypad" role="group" aria-label={t('dial_pad')}>
        {KEYS.map((key) => (
          <button type="button" key={key} aria-label={t('dial_key', { key })} onClick={() => setTarget((t) => t + key)}>
            {key}
          </button>
        ))}
      </div>
      <div class="dial-row">
        <button type="submit" class="answer call-button" disabled={!canCall}>
          {t('dial_call')}
        </button>
        <button type="button" class="video-call-button" disabled={!canCall} onClick={() => void call(target, true)}>
          {t('video_call')}
        </button>
        <button type="button" aria-label={t('dial_delete_digit')} disabled={!target} onClick={() => setTarget((t) => t.slice(0, -1))}>
          ⌫
        </button>
      </div>
    </form>
  );
}
