/** The last action's failure, said in words until the user dismisses it. */
export function ErrorBanner({ error, onDismiss }: { error: string | undefined; onDismiss: () => void }) {
  if (!error) return null;
  return (
    <p class="banner error" role="alert" aria-label="Error">
      {error}{' '}
      <button type="button" class="link" aria-label="Dismiss" onClick={onDismiss}>
        ✕
      </button>
    </p>
  );
}
