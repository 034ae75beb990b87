// Options for click-to-call: the global switch, the default country for
// national numbers, taking over tel:/sip:/callto: links, the allow and deny
// lists, the sites whose numbers are called without the confirmation window,
// and the PBX's extension length (short numbers on pages). Bad entries are
// refused with a message and nothing is saved.
import { getCountries } from 'libphonenumber-js/min';
import { useEffect, useState } from 'preact/hooks';
import { EXTENSION_DIGITS_RANGE, parseHostList, type ClickToCallSettings } from '../shared/click-to-call-settings';
import { loadClickToCallSettings, saveClickToCallSettings } from '../shared/click-to-call-store';
import { HostAccess } from './host-access';
import { hostListProblemText } from './host-list-problem-text';
import { t, uiLanguage } from '../shared/i18n';
import { Sentence } from '../shared/sentence';

/** Example sites in the lists' placeholders: host names, the same in every language. */
const EXAMPLE_SITE = { work: 'crm.example.com', private: 'bank.example.com' };

// Country names in the language of the page's words (navigator.language can differ from it).
const names = new Intl.DisplayNames(uiLanguage(), { type: 'region' });
const COUNTRIES = getCountries()
  .map((code) => ({ code, name: names.of(code) ?? code }))
  .sort((a, b) => a.name.localeCompare(b.name, uiLanguage()));

interface Form {
  enabled: boolean;
  defaultCountry: string;
  takeOverLinks: boolean;
  allow: string;
  deny: string;
  atOnce: string;
  /** "" when short numbers from pages are not called. */
  extMin: string;
  extMax: string;
}

const toForm = (s: ClickToCallSettings): Form => ({
  enabled: s.enabled,
  defaultCountry: s.defaultCountry,
  takeOverLinks: s.takeOverLinks,
  allow: s.allowList.join('\n'),
  deny: s.denyList.join('\n'),
  atOnce: s.callAtOnce.join('\n'),
  extMin: s.extensionDigits ? String(s.extensionDigits.min) : '',
  extMax: s.extensionDigits ? String(s.extensionDigits.max) : '',
});

/** The extension length fields: both empty (off) or a range within EXTENSION_DIGITS_RANGE. */
function parseExtensionDigits(min: string, max: string): { value: ClickToCallSettings['extensionDigits']; error?: string } {
  if (!min.trim() && !max.trim()) return { value: null };
  const lo = Number(min.trim() || max.trim());
  const hi = Number(max.trim() || min.trim());
  const { min: floor, max: ceiling } = EXTENSION_DIGITS_RANGE;
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < floor || hi > ceiling || lo > hi) {
    return {
      value: null,
      error: t('options_ctc_extension_digits_invalid', { min: floor, max: ceiling }),
    };
  }
  return { value: { min: lo, max: hi } };
}

export function ClickToCallPanel() {
  const [form, setForm] = useState<Form>();
  // The call-at-once sites as this form last read them: sites added meanwhile elsewhere
  // (the confirmation window's checkbox) are kept when the form is saved.
  const [readAtOnce, setReadAtOnce] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ allow?: string; deny?: string; atOnce?: string; ext?: string }>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  useEffect(() => {
    loadClickToCallSettings()
      .then((s) => {
        setForm(toForm(s));
        setReadAtOnce(s.callAtOnce);
      })
      .catch((e: unknown) => setStatus({ ok: false, text: String(e) }));
  }, []);
  if (!form) return null;

  const save = (event: Event) => {
    event.preventDefault();
    const allow = parseHostList(form.allow);
    const deny = parseHostList(form.deny);
    const atOnce = parseHostList(form.atOnce);
    const ext = parseExtensionDigits(form.extMin, form.extMax);
    const next = {
      allow: allow.problems.map(hostListProblemText).join(' ') || undefined,
      deny: deny.problems.map(hostListProblemText).join(' ') || undefined,
      atOnce: atOnce.problems.map(hostListProblemText).join(' ') || undefined,
      ext: ext.error,
    };
    setErrors(next);
    if (next.allow || next.deny || next.atOnce || next.ext) {
      setStatus({ ok: false, text: t('options_ctc_not_saved') });
      return;
    }
    const settings: ClickToCallSettings = {
      enabled: form.enabled,
      defaultCountry: form.defaultCountry,
      takeOverLinks: form.takeOverLinks,
      allowList: allow.hosts,
      denyList: deny.hosts,
      callAtOnce: atOnce.hosts,
      extensionDigits: ext.value,
    };
    loadClickToCallSettings()
      .then(async (stored) => {
        const addedElsewhere = stored.callAtOnce.filter((h) => !readAtOnce.includes(h) && !settings.callAtOnce.includes(h));
        const saved = { ...settings, callAtOnce: [...settings.callAtOnce, ...addedElsewhere] };
        await saveClickToCallSettings(saved);
        return saved;
      })
      .then((saved) => {
        setForm(toForm(saved));
        setReadAtOnce(saved.callAtOnce);
        setStatus({ ok: true, text: t('options_ctc_saved') });
      })
      .catch((e: unknown) => setStatus({ ok: false, text: e instanceof Error ? e.message : String(e) }));
  };

  return (
    <form class="panel click-to-call" onSubmit={save} noValidate aria-labelledby="click-to-call-heading">
      <h2 id="click-to-call-heading">{t('options_ctc_heading')}</h2>
      <HostAccess offerTurnOff />
      <label>
        <input
          type="checkbox"
          name="enabled"
          checked={form.enabled}
          onChange={(e) => setForm({ ...form, enabled: e.currentTarget.checked })}
        />{' '}
        {t('options_ctc_enabled')}
      </label>
      <label class="field">
        <span>{t('options_ctc_default_country')}</span>
        <select
          name="defaultCountry"
          value={form.defaultCountry}
          onChange={(e) => setForm({ ...form, defaultCountry: e.currentTarget.value })}
        >
          {COUNTRIES.map((c) => (
            <option key={c.code} value={c.code}>
              {t('options_ctc_country', { name: c.name, code: c.code })}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          name="takeOverLinks"
          checked={form.takeOverLinks}
          onChange={(e) => setForm({ ...form, takeOverLinks: e.currentTarget.checked })}
        />{' '}
        {t('options_ctc_take_over_links')}
      </label>
      <label class="field">
        <span>{t('options_ctc_allow_list')}</span>
        <textarea
          name="allowList"
          rows={3}
          placeholder={EXAMPLE_SITE.work}
          value={form.allow}
          onInput={(e) => setForm({ ...form, allow: e.currentTarget.value })}
        />
        {errors.allow && (
          <small class="error" role="alert">
            {errors.allow}
          </small>
        )}
      </label>
      <label class="field">
        <span>{t('options_ctc_deny_list')}</span>
        <textarea
          name="denyList"
          rows={3}
          placeholder={EXAMPLE_SITE.private}
          value={form.deny}
          onInput={(e) => setForm({ ...form, deny: e.currentTarget.value })}
        />
        {errors.deny && (
          <small class="error" role="alert">
            {errors.deny}
          </small>
        )}
      </label>
      <label class="field">
        <span>{t('options_ctc_at_once_list')}</span>
        <textarea
          name="callAtOnce"
          rows={2}
          placeholder={EXAMPLE_SITE.work}
          value={form.atOnce}
          onInput={(e) => setForm({ ...form, atOnce: e.currentTarget.value })}
        />
        <small class="hint">{t('options_ctc_at_once_hint')}</small>
        {errors.atOnce && (
          <small class="error" role="alert">
            {errors.atOnce}
          </small>
        )}
      </label>
      <fieldset class="field">
        <legend>{t('options_ctc_extensions')}</legend>
        <div class="row">
          {/* One sentence ("from 3 to 4 digits") with the fields inside, in the language's order; each field has a name of its own. */}
          <span>
            <Sentence
              message="options_ctc_extension_range"
              parts={{
                min: (
                  <input
                    type="number"
                    name="extensionMin"
                    aria-label={t('options_ctc_extension_min')}
                    min={EXTENSION_DIGITS_RANGE.min}
                    max={EXTENSION_DIGITS_RANGE.max}
                    value={form.extMin}
                    onInput={(e) => setForm({ ...form, extMin: e.currentTarget.value })}
                  />
                ),
                max: (
                  <input
                    type="number"
                    name="extensionMax"
                    aria-label={t('options_ctc_extension_max')}
                    min={EXTENSION_DIGITS_RANGE.min}
                    max={EXTENSION_DIGITS_RANGE.max}
                    value={form.extMax}
                    onInput={(e) => setForm({ ...form, extMax: e.currentTarget.value })}
                  />
                ),
              }}
            />
          </span>
          <span class="hint">{t('options_ctc_extension_empty')}</span>
        </div>
        {errors.ext && (
          <small class="error" role="alert">
            {errors.ext}
          </small>
        )}
      </fieldset>
      <small class="hint">{t('options_ctc_format_detection')}</small>
      <button type="submit">{t('options_ctc_save')}</button>
      {status && (
        <p class={status.ok ? 'ok' : 'error'} role="status" data-testid="click-to-call-status">
          {status.text}
        </p>
      )}
    </form>
  );
}
