import { useEffect, useState } from 'preact/hooks';
import { request } from '../shared/messenger';
import { t } from '../shared/i18n';
import { Sentence } from '../shared/sentence';

// The phone runs in an offscreen document, which cannot ask for the
// microphone or the camera. This tab asks once; Chrome remembers the answer
// for the extension's origin, and the phone then uses it.
//
//   unknown --query--> granted | prompt | denied
//   prompt --Allow clicked--> asking --yes--> granted | --no--> denied

type State = 'unknown' | 'prompt' | 'asking' | 'granted' | 'denied' | 'no-device';

export type Device = 'microphone' | 'camera';

/** Each device's words, and Chrome's page of its permissions (an address, the same in every language). */
const DEVICES = {
  microphone: {
    settings: 'chrome://settings/content/microphone',
    constraints: { audio: true },
    heading: 'options_microphone_heading',
    allowed: 'options_microphone_allowed',
    allowedClose: 'options_microphone_allowed_close',
    why: 'options_microphone_why',
    allow: 'microphone_allow',
    asking: 'options_microphone_asking',
    blocked: 'options_microphone_blocked',
    undoSite: 'options_microphone_undo_site',
    undoSettings: 'options_microphone_undo_settings',
    noDevice: 'options_microphone_no_device',
  },
  camera: {
    settings: 'chrome://settings/content/camera',
    constraints: { video: true },
    heading: 'camera_heading',
    allowed: 'camera_allowed',
    allowedClose: 'camera_allowed_close',
    why: 'camera_why',
    allow: 'camera_allow',
    asking: 'camera_asking',
    blocked: 'camera_blocked',
    undoSite: 'camera_undo_site',
    undoSettings: 'camera_undo_settings',
    noDevice: 'camera_no_device',
  },
} as const;

/** The onboarding tab of the microphone (microphone.html) or the camera (microphone.html?device=camera). */
export function MicrophoneOnboarding({ device = 'microphone' }: { device?: Device }) {
  const words = DEVICES[device];
  return (
    <main class="onboarding">
      <h1>{t(words.heading)}</h1>
      <MicrophoneAccess device={device} allowed={t(words.allowedClose)} />
    </main>
  );
}

/** Asks for the microphone (or camera) and says the answer; also the setup's microphone step (an extension tab, so Chrome can ask). */
export function MicrophoneAccess({ device = 'microphone', allowed }: { device?: Device; allowed?: string }) {
  const words = DEVICES[device];
  const [state, setState] = useState<State>('unknown');

  const report = (next: State) => {
    setState(next);
    // Tell the phone so the popup stops warning; failure here is harmless.
    request('phone.refreshMicrophone', {}).catch(() => undefined);
  };

  useEffect(() => {
    navigator.permissions
      .query({ name: device })
      .then((status) => {
        setState(status.state);
        status.onchange = () => report(status.state);
      })
      .catch(() => setState('prompt'));
  }, []);

  const ask = async () => {
    setState('asking');
    try {
      const stream = await navigator.mediaDevices.getUserMedia(words.constraints);
      stream.getTracks().forEach((t) => t.stop());
      report('granted');
    } catch (error) {
      const name = error instanceof DOMException ? error.name : '';
      report(name === 'NotFoundError' || name === 'NotReadableError' ? 'no-device' : 'denied');
    }
  };

  return (
    <>
      <p>{t(words.why)}</p>
      {(state === 'prompt' || state === 'unknown' || state === 'asking') && (
        <button type="button" class="primary" disabled={state === 'asking'} onClick={() => void ask()}>
          {t(words.allow)}
        </button>
      )}
      {/* Always in the page, so that a screen reader hears its words change (a refusal is an alert of its own). */}
      <p class="ok" role="status" {...(state === 'granted' ? { 'data-testid': 'microphone-result' } : {})}>
        {state === 'granted' && (allowed ?? t(words.allowed))}
        {state === 'asking' && t(words.asking)}
      </p>
      {state === 'denied' && (
        <div role="alert" data-testid="microphone-result">
          <p class="error">{t(words.blocked)}</p>
          <p>{t(words.undoSite)}</p>
          <p>
            <Sentence message={words.undoSettings} parts={{ page: <code>{words.settings}</code> }} />
          </p>
          <button type="button" onClick={() => location.reload()}>
            {t('options_microphone_check_again')}
          </button>
        </div>
      )}
      {state === 'no-device' && (
        <p class="error" role="alert" data-testid="microphone-result">
          {t(words.noDevice)}{' '}
          <button type="button" onClick={() => void ask()}>
            {t('options_microphone_try_again')}
          </button>
        </p>
      )}
    </>
  );
}
