import { useEffect, useState } from 'preact/hooks';
import { request } from '../shared/messenger';
import { t } from '../shared/i18n';
import { Sentence } from '../shared/sentence';

/** Chrome's page of microphone permissions: an address, the same in every language. */
const MICROPHONE_SETTINGS = 'chrome://settings/content/microphone';

// The phone runs in an offscreen document, which cannot ask for the
// microphone. This tab asks once; Chrome remembers the answer for the
// extension's origin, and the phone then uses it.
//
//   unknown --query--> granted | prompt | denied
//   prompt --Allow clicked--> asking --yes--> granted | --no--> denied

type State = 'unknown' | 'prompt' | 'asking' | 'granted' | 'denied' | 'no-device';

/** The microphone onboarding tab. */
export function MicrophoneOnboarding() {
  return (
    <main class="onboarding">
      <h1>{t('options_microphone_heading')}</h1>
      <MicrophoneAccess allowed={t('options_microphone_allowed_close')} />
    </main>
  );
}

/** Asks for the microphone and says the answer; also the setup's microphone step (an extension tab, so Chrome can ask). */
export function MicrophoneAccess({ allowed = t('options_microphone_allowed') }: { allowed?: string }) {
  const [state, setState] = useState<State>('unknown');

  const report = (next: State) => {
    setState(next);
    // Tell the phone so the popup stops warning; failure here is harmless.
    request('phone.refreshMicrophone', {}).catch(() => undefined);
  };

  useEffect(() => {
    navigator.permissions
      .query({ name: 'microphone' })
      .then((status) => {
        setState(status.state);
        status.onchange = () => report(status.state);
      })
      .catch(() => setState('prompt'));
  }, []);

  const ask = async () => {
    setState('asking');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      stream.getTracks().forEach((t) => t.stop());
      report('granted');
    } catch (error) {
      const name = error instanceof DOMException ? error.name : '';
      report(name === 'NotFoundError' || name === 'NotReadableError' ? 'no-device' : 'denied');
    }
  };

  return (
    <>
      <p>{t('options_microphone_why')}</p>
      {(state === 'prompt' || state === 'unknown' || state === 'asking') && (
        <button type="button" class="primary" disabled={state === 'asking'} onClick={() => void ask()}>
          {t('microphone_allow')}
        </button>
      )}
      {/* Always in the page, so that a screen reader hears its words change (a refusal is an alert of its own). */}
      <p class="ok" role="status" {...(state === 'granted' ? { 'data-testid': 'microphone-result' } : {})}>
        {state === 'granted' && allowed}
        {state === 'asking' && t('options_microphone_asking')}
      </p>
      {state === 'denied' && (
        <div role="alert" data-testid="microphone-result">
          <p class="error">{t('options_microphone_blocked')}</p>
          <p>{t('options_microphone_undo_site')}</p>
          <p>
            <Sentence message="options_microphone_undo_settings" parts={{ page: <code>{MICROPHONE_SETTINGS}</code> }} />
          </p>
          <button type="button" onClick={() => location.reload()}>
            {t('options_microphone_check_again')}
          </button>
        </div>
      )}
      {state === 'no-device' && (
        <p class="error" role="alert" data-testid="microphone-result">
          {t('options_microphone_no_device')}{' '}
          <button type="button" onClick={() => void ask()}>
            {t('options_microphone_try_again')}
          </button>
        </p>
      )}
    </>
  );
}
