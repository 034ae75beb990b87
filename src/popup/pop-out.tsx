import { request } from '../shared/messenger';
import { t } from '../shared/i18n';
import { ErrorBanner } from './error-banner';
import { useAction } from './use-action';

/** The popup's "Pop out": the service worker opens the call window (background/call-window.ts), then the popup closes. */
export async function popOutToCallWindow(): Promise<void> {
  await request('callWindow.open', {});
  window.close();
}

/** The "Pop out" button under the tabs; a failure is said, and the popup stays. */
export function PopOut({ onPopOut }: { onPopOut: () => Promise<unknown> }) {
  const { error, run, clear } = useAction();
  return (
    <div class="pop-out">
      <button type="button" class="link" title={t('callwin_pop_out_hint')} onClick={() => void run(onPopOut)}>
        {t('callwin_pop_out')}
      </button>
      <ErrorBanner error={error} onDismiss={clear} />
    </div>
  );
}
