import { useEffect, useState } from 'preact/hooks';
import { request } from '../shared/messenger';

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
      <h1>Allow ClickDial to use your microphone</h1>
      <MicrophoneAccess allowed="Microphone allowed. You can close this tab and make calls." />
    </main>
  );
}

/** Asks for the microphone and says the answer; also the setup's microphone step (an extension tab, so Chrome can ask). */
export function MicrophoneAccess({ allowed = 'Microphone allowed.' }: { allowed?: string }) {
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
      <p>ClickDial needs the microphone to carry your voice in calls. Chrome asks you once; the answer is kept for ClickDial only.</p>
      {(state === 'prompt' || state === 'unknown' || state === 'asking') && (
        <button type="button" class="primary" disabled={state === 'asking'} onClick={() => void ask()}>
          Allow microphone
        </button>
      )}
      {/* Always in the page, so that a screen reader hears its words change (a refusal is an alert of its own). */}
      <p class="ok" role="status" {...(state === 'granted' ? { 'data-testid': 'microphone-result' } : {})}>
        {state === 'granted' && allowed}
        {state === 'asking' && "Answer Chrome's question about the microphone."}
      </p>
      {state === 'denied' && (
        <div role="alert" data-testid="microphone-result">
          <p class="error">The microphone is blocked for ClickDial, so calls cannot be made or answered.</p>
          <p>
            To undo this: click the icon at the right end of the address bar of this tab, set Microphone to Allow, and reload this page.
          </p>
          <p>
            Or open <code>chrome://settings/content/microphone</code>, find ClickDial under "Not allowed to use your microphone", and change
            it to Allow.
          </p>
          <button type="button" onClick={() => location.reload()}>
            I changed it: check again
          </button>
        </div>
      )}
      {state === 'no-device' && (
        <p class="error" role="alert" data-testid="microphone-result">
          No working microphone was found. Plug one in (or free it from another app) and try again.{' '}
          <button type="button" onClick={() => void ask()}>
            Try again
          </button>
        </p>
      )}
    </>
  );
}
