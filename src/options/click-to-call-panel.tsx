// Options for click-to-call: the global switch, the default country for
// national numbers, taking over tel:/sip:/callto: links, and the allow and
// deny lists. Bad list entries are refused with a message and nothing is saved.
import { getCountries } from 'libphonenumber-js/min';
import { useEffect, useState } from 'preact/hooks';
import { parseHostList, type ClickToCallSettings } from '../shared/click-to-call-settings';
import { loadClickToCallSettings, saveClickToCallSettings } from '../shared/click-to-call-store';

const names = new Intl.DisplayNames(undefined, { type: 'region' });
const COUNTRIES = getCountries()
  .map((code) => ({ code, name: names.of(code) ?? code }))
  .sort((a, b) => a.name.localeCompare(b.name));

interface Form {
  enabled: boolean;
  defaultCountry: string;
  takeOverLinks: boolean;
  allow: string;
  deny: string;
}

const toForm = (s: ClickToCallSettings): Form => ({
  enabled: s.enabled,
  defaultCountry: s.defaultCountry,
  takeOverLinks: s.takeOverLinks,
  allow: s.allowList.join('\n'),
  deny: s.denyList.join('\n'),
});

export function ClickToCallPanel() {
  const [form, setForm] = useState<Form>();
  const [errors, setErrors] = useState<{ allow?: string; deny?: string }>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  useEffect(() => {
    loadClickToCallSettings()
      .then((s) => setForm(toForm(s)))
      .catch((e: unknown) => setStatus({ ok: false, text: String(e) }));
  }, []);
  if (!form) return null;

  const save = (event: Event) => {
    event.preventDefault();
    const allow = parseHostList(form.allow);
    const deny = parseHostList(form.deny);
    const next = { allow: allow.errors.join(' ') || undefined, deny: deny.errors.join(' ') || undefined };
    setErrors(next);
    if (next.allow || next.deny) {
      setStatus({ ok: false, text: 'Not saved: fix the site lists first.' });
      return;
    }
    const settings: ClickToCallSettings = {
      enabled: form.enabled,
      defaultCountry: form.defaultCountry,
      takeOverLinks: form.takeOverLinks,
      allowList: allow.hosts,
      denyList: deny.hosts,
    };
    saveClickToCallSettings(settings)
      .then(() => {
        setForm(toForm(settings));
        setStatus({ ok: true, text: 'Saved. Open pages follow the new settings at once.' });
      })
      .catch((e: unknown) => setStatus({ ok: false, text: e instanceof Error ? e.message : String(e) }));
  };

  return (
    <form class="panel click-to-call" onSubmit={save} noValidate aria-labelledby="click-to-call-heading">
      <h2 id="click-to-call-heading">Click-to-call</h2>
      <label>
        <input type="checkbox" name="enabled" checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.currentTarget.checked })} />{' '}
        Turn phone numbers on web pages into links that call with ClickDial
      </label>
      <label class="field">
        <span>Country for numbers written without a country code</span>
        <select name="defaultCountry" value={form.defaultCountry} onChange={(e) => setForm({ ...form, defaultCountry: e.currentTarget.value })}>
          {COUNTRIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name} ({c.code})
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
        Call tel:, sip: and callto: links with ClickDial
      </label>
      <label class="field">
        <span>Only on these sites (one per line; empty means every site)</span>
        <textarea name="allowList" rows={3} placeholder="crm.example.com" value={form.allow} onInput={(e) => setForm({ ...form, allow: e.currentTarget.value })} />
        {errors.allow && <small class="error" role="alert">{errors.allow}</small>}
      </label>
      <label class="field">
        <span>Never on these sites (one per line; a site includes its subdomains)</span>
        <textarea name="denyList" rows={3} placeholder="bank.example.com" value={form.deny} onInput={(e) => setForm({ ...form, deny: e.currentTarget.value })} />
        {errors.deny && <small class="error" role="alert">{errors.deny}</small>}
      </label>
      <small class="hint">Pages that ask for no phone links (format-detection telephone=no) are always left alone.</small>
      <button type="submit">Save click-to-call settings</button>
      {status && (
        <p class={status.ok ? 'ok' : 'error'} role="status" data-testid="click-to-call-status">
          {status.text}
        </p>
      )}
    </form>
  );
}
