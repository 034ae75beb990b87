import type { PhoneActions } from '../shared/phone-actions';
import type { PhoneSnapshot } from '../shared/snapshot';
import { CallList } from './call-list';
import { SiteSwitch } from './site-switch';
import { StatusBar } from './status-bar';
import { useAction } from './use-action';
import { ErrorBanner } from './error-banner';
import { t } from '../shared/i18n';
import { say } from '../shared/words';

/** During calls a notice (transfer, device fallback) shows for this long; the cards say the rest. */
const NOTICE_DURING_CALLS_MS = 30_000;

export interface ViewProps {
  snapshot: PhoneSnapshot;
  actions: PhoneActions;
}

/** `siteSwitch`: the active tab's click-to-call switch (the popup's; the call window has no tab of its own). */
export function PhoneView({
  snapshot,
  actions,
  unreachable,
  siteSwitch = true,
}: ViewProps & { unreachable?: string | undefined; siteSwitch?: boolean }) {
  const { error, code, run, clear } = useAction();
  const needsMicrophone = snapshot.accounts.length > 0 && (snapshot.microphone === 'prompt' || snapshot.microphone === 'denied');
  return (
    <div class="phone">
      <StatusBar snapshot={snapshot} actions={actions} />
      {unreachable && (
        <p class="banner error" role="alert">
          {unreachable}
        </p>
      )}
      {needsMicrophone && (
        <p class="banner warning">
          {snapshot.microphone === 'denied' ? t('microphone_blocked_banner') : t('microphone_needed_banner')}{' '}
          <button type="button" class="link" onClick={() => void run(actions.openMicrophoneSetup)}>
            {t('microphone_allow')}
          </button>
        </p>
      )}
      <ErrorBanner
        error={error}
        onDismiss={clear}
        action={code === 'no-camera' ? { label: t('camera_allow'), onClick: () => void run(actions.openCameraSetup) } : undefined}
      />
      {snapshot.notice && (snapshot.calls.length === 0 || Date.now() - snapshot.notice.at < NOTICE_DURING_CALLS_MS) && (
        <p class="banner notice" role="status">
          {say(snapshot.notice.words)}
        </p>
      )}
      <CallList snapshot={snapshot} actions={actions} run={run} />
      {siteSwitch && <SiteSwitch />}
    </div>
  );
}
