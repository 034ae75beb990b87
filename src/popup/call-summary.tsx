import { partyName } from '../shared/describe-state';
import { durationWords, t } from '../shared/i18n';
import type { EndedCall } from '../shared/snapshot';

interface Props {
  ended: EndedCall;
  onRedial: () => void;
  onClose: () => void;
}

/**
 * The end of a call, for a moment (use-ended-call.ts): who, how long (in the words Intl
 * gives the UI language), Redial, and Close. Not an article.call: it is no call any more.
 */
export function CallSummary({ ended, onRedial, onClose }: Props) {
  const name = partyName(ended.call.remote);
  const answeredAt = ended.call.answeredAt;
  return (
    <section class="call-summary" aria-label={t('card_summary_label', { name })}>
      <div class="call-head">
        <div class="call-who">
          <span class="summary-name">{name}</span>
          <span class="summary-state">{t('card_summary_ended')}</span>
          <span class="summary-duration">
            {answeredAt === undefined
              ? t('card_summary_not_connected')
              : t('card_summary_lasted', { duration: durationWords(ended.endedAt - answeredAt, 'short') })}
          </span>
        </div>
        <button type="button" class="summary-close" aria-label={t('card_summary_close')} title={t('card_summary_close')} onClick={onClose}>
          ✕
        </button>
      </div>
      <div class="call-buttons">
        <button type="button" class="answer" data-focus="redial" onClick={onRedial}>
          {t('card_redial')}
        </button>
      </div>
    </section>
  );
}
