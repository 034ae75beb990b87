import { describeRegistration } from '../shared/describe-state';
import type { PhoneActions } from '../shared/phone-actions';
import type { PhoneSnapshot } from '../shared/snapshot';
import { useState } from 'preact/hooks';

export function ConnectionPanel({ snapshot, actions }: { snapshot: PhoneSnapshot; actions: PhoneActions }) {
  const [error, setError] = useState<string>();
  const toggle = (online: boolean) => {
    setError(undefined);
    actions.setOnline(online).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <section class="panel" aria-labelledby="connection-heading">
      <h2 id="connection-heading">Connection</h2>
      <p>
        Status: <strong data-testid="registration-state">{describeRegistration(snapshot)}</strong>
        {snapshot.aor && <> as {snapshot.aor}</>}
      </p>
      {snapshot.registrationError && (
        <p class="error" role="alert" data-testid="registration-error">
          {snapshot.registrationError}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {snapshot.configured &&
        (snapshot.wantsOnline ? (
          <button type="button" onClick={() => toggle(false)}>
            Disconnect
          </button>
        ) : (
          <button type="button" onClick={() => toggle(true)}>
            Connect
          </button>
        ))}
    </section>
  );
}
