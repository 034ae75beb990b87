import { t } from '../shared/i18n';
import { ErrorBanner } from './error-banner';
import { useAction } from './use-action';

/** The "Pop out" button under the tabs (what it does: pop-out-to-call-window.ts); a failure is said, and the popup stays. */
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
