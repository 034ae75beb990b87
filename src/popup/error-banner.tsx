import { t } from '../shared/i18n';

/** The last action's failure, said in words until the user dismisses it. */
export function ErrorBanner({ error, onDismiss }: { error: string | undefined; onDismiss: () => void }) {
  if (!error) return null;
  return (
    <p class="banner error" role="alert" aria-label={t('error_label')}>
      {error}{' '}
      <button type="button" class="link" aria-label={t('dismiss')} onClick={onDismiss}>
        ✕
      </button>
    </p>
  );
}
