import { describeRegistration } from '../shared/describe-state';
import type { ViewProps } from './phone-view';

export function StatusBar({ snapshot, actions }: ViewProps) {
  const state = describeRegistration(snapshot);
  const tone = snapshot.registration === 'registered' ? 'ok' : snapshot.registrationError ? 'bad' : 'idle';
  return (
    <header class="status">
      <div class="status-line">
        <span class={`dot ${tone}`} aria-hidden="true" />
        <strong data-testid="registration-state">{state}</strong>
        {snapshot.aor && <span class="aor">{snapshot.aor.replace(/^sips?:/, '')}</span>}
        <button type="button" class="link settings" onClick={() => void actions.openOptions()}>
          {snapshot.configured ? 'Settings' : 'Set up account'}
        </button>
      </div>
      {snapshot.registrationError && (
        <p class="registration-error" role="alert" data-testid="registration-error">
          {snapshot.registrationError}
        </p>
      )}
      {snapshot.configured && !snapshot.wantsOnline && (
        <button type="button" onClick={() => void actions.setOnline(true)}>
          Go online
        </button>
      )}
    </header>
  );
}
