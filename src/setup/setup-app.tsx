// The first-run setup, opened in a tab when ClickDial is installed (and from
// the popup while no account is set up, and from the options). One step at a
// time, each skippable; where it stands is saved, so a setup closed half way
// goes on at the step it was left at. Whether a step is done is read live:
// an account registered, the microphone allowed, click-to-call granted, a
// test call answered.
//
//   account ─▶ microphone ─▶ click-to-call ─▶ test call ─▶ pin ─Finish─▶ finished
//   (Next or "Skip this step" moves on, Back goes back, the step list jumps to any step)
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { isRegistered } from '../shared/account-selectors';
import type { PhoneActions } from '../shared/phone-actions';
import type { PhoneStore } from '../shared/phone-store';
import { loadSetupProgress, saveSetupProgress } from '../shared/setup-store';
import { SETUP, SETUP_STEPS, type SetupProgress, type SetupStep } from '../shared/stored-setup';
import { usePhoneSnapshot } from '../shared/use-phone';
import { HostAccess, useHostAccess } from '../options/host-access';
import { MicrophoneAccess } from '../options/microphone-onboarding';
import { AccountStep } from './account-step';
import { PinStep } from './pin-step';
import { TestCallStep } from './test-call-step';
import { t, type MessageKey } from '../shared/i18n';

const TITLES: Record<SetupStep, MessageKey> = {
  account: 'setup_step_account',
  microphone: 'setup_step_microphone',
  'click-to-call': 'setup_step_click_to_call',
  'test-call': 'setup_step_test_call',
  pin: 'setup_step_pin',
};

export function SetupApp({ store, actions }: { store: PhoneStore; actions: PhoneActions }) {
  const snapshot = usePhoneSnapshot(store);
  const hostAccess = useHostAccess();
  const [progress, setProgress] = useState<SetupProgress>();
  const [saveError, setSaveError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the new step's heading when the user moves, not when the page opens.
  const moved = useRef(false);
  useEffect(() => {
    loadSetupProgress().then(setProgress, () => setProgress(SETUP.fallback()));
  }, []);
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [progress?.step]);

  if (!progress) {
    return (
      <main class="setup">
        <h1>{t('page_title_setup')}</h1>
        <p role="status">{t('setup_loading')}</p>
      </main>
    );
  }

  const update = (change: Partial<SetupProgress>) => {
    setProgress((old) => {
      const next = { ...(old ?? progress), ...change };
      saveSetupProgress(next).then(
        () => setSaveError(undefined),
        (e: unknown) => setSaveError(t('setup_save_failed', { error: String(e) })),
      );
      return next;
    });
  };
  const go = (step: SetupStep) => {
    moved.current = true;
    update({ step });
  };
  const done: Record<SetupStep, boolean> = {
    account: snapshot.accounts.some(isRegistered),
    microphone: snapshot.microphone === 'granted',
    'click-to-call': hostAccess === true,
    'test-call': progress.testCallDone,
    pin: progress.finished,
  };
  const index = SETUP_STEPS.indexOf(progress.step);
  const step = progress.step;
  const next = SETUP_STEPS[index + 1];
  const previous = SETUP_STEPS[index - 1];

  return (
    <main class="setup">
      <h1>{t('page_title_setup')}</h1>
      <p class="hint">{t('setup_intro')}</p>
      <nav aria-label={t('setup_steps_label')}>
        <ol class="steps">
          {SETUP_STEPS.map((s, i) => (
            <li key={s}>
              <button type="button" aria-current={s === step ? 'step' : undefined} onClick={() => go(s)}>
                {t(done[s] ? 'setup_step_item_done' : 'setup_step_item', { number: i + 1, title: t(TITLES[s]) })}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <section class="panel step" aria-labelledby="step-heading" data-step={step}>
        <h2 id="step-heading" tabIndex={-1} ref={heading}>
          {t('setup_step_heading', { number: index + 1, count: SETUP_STEPS.length, title: t(TITLES[step]) })}
        </h2>
        {step === 'account' && <AccountStep snapshot={snapshot} actions={actions} />}
        {step === 'microphone' && <MicrophoneAccess allowed={t('setup_microphone_allowed')} />}
        {step === 'click-to-call' && <HostAccess />}
        {step === 'test-call' && (
          <TestCallStep
            snapshot={snapshot}
            number={progress.testNumber}
            onNumber={(testNumber) => update({ testNumber })}
            onAnswered={() => update({ testCallDone: true })}
            goToAccount={() => go('account')}
          />
        )}
        {step === 'pin' && <PinStep />}
      </section>
      <div class="step-nav">
        {previous && (
          <button type="button" onClick={() => go(previous)}>
            {t('setup_back')}
          </button>
        )}
        {next ? (
          <button type="button" class="primary" onClick={() => go(next)}>
            {t(done[step] ? 'setup_next' : 'setup_skip')}
          </button>
        ) : (
          <button type="button" class="primary" onClick={() => update({ finished: true })}>
            {t('setup_finish')}
          </button>
        )}
      </div>
      {progress.finished && (
        <div role="status" class="setup-status">
          <p class="ok">{t('setup_finished')}</p>
          <button type="button" onClick={() => void closeTab()}>
            {t('setup_close_tab')}
          </button>
        </div>
      )}
      {saveError && (
        <p class="error" role="alert">
          {saveError}
        </p>
      )}
    </main>
  );
}

async function closeTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
}
