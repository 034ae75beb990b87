import { t } from '../shared/i18n';

interface Props {
  error: string | undefined;
  onDismiss: () => void;
  /** The way out of this failure, when there is one ("Allow camera"). */
  action?: { label: string; onClick: () => void } | undefined;
}

/** The last action's failure, said in words until the user dismisses it. */
export function ErrorBanner({ error, onDismiss, action }: Props) {
  if (!error) return null;
  return (
    <p class="banner error" role="alert" aria-label={t('error_label')}>
      {error}{' '}
      {action && (
        <button type="button" class="link" onClick={action.onClick}>
          {action.label}
        </button>
      )}{' '}
      <button type="button" class="link" aria-label={t('dismiss')} onClick={onDismiss}>
        ✕
      </button>
    </p>
  );
}
