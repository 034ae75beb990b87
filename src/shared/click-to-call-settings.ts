// Click-to-call settings: what the user chose, and the one decision every
// context needs from them, "is click-to-call on for this site?". Pure: the
// content script, the popup, the options page and the worker share it. How
// stored data is checked: shared/stored-click-to-call.ts.

export interface ClickToCallSettings {
  /** The global switch. */
  enabled: boolean;
  /** ISO 3166 region for national numbers ("US", "DE"); starts as the browser's locale region. */
  defaultCountry: string;
  /** Existing tel:, sip: and callto: links call through ClickDial. */
  takeOverLinks: boolean;
  /** When not empty, click-to-call runs on these sites only. */
  allowList: string[];
  /** Never on these sites; the popup's "on this site" switch adds and removes entries here. */
  denyList: string[];
  /**
   * Sites whose numbers the user chose to call without the confirmation window
   * (the window is still shown for risky numbers and doubtful clicks: background/call-consent.ts).
   */
  callAtOnce: string[];
  /**
   * How many digits the PBX's internal extensions have, for short numbers on pages
   * (tel:1003); null: short numbers from pages are not called.
   */
  extensionDigits: { min: number; max: number } | null;
}

/**
 * The storage.local key (versioned: shared/stored-click-to-call.ts), and of its
 * mirror in storage.session, the only thing content scripts read (in this shape, no version).
 */
export const SETTINGS_KEY = 'clickToCall';
/**
 * Beside the mirrored settings in storage.session: the end of our links' titles
 * ("Call with ClickDial") in the browser's language, as the worker says it. A
 * page's first chrome.i18n call loads the whole catalogue into it (some 7 ms of
 * its main thread, on every page), so content scripts read these few words here.
 */
export const LINK_TITLE_KEY = 'linkTitle';
/** Longer than any language's words for it; a mirror that is not a short plain text is not used. */
export const MAX_LINK_TITLE = 80;

export const COUNTRY = /^[A-Z]{2}$/;
const FALLBACK_COUNTRY = 'US';
// A host name (letters, digits, dashes, dots; IDN as punycode), optionally a
// leading "*." which means the same as no prefix: entries match subdomains.
export const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
export const MAX_ENTRIES = 500;

/** The browser's languages, for the default country (none where there is no navigator). */
export function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
}

/** The region of the browser's locale ("de-AT" → "AT", "de" → "DE" via likely subtags). */
export function localeRegion(languages: readonly string[]): string {
  for (const language of languages) {
    try {
      const region = new Intl.Locale(language).maximize().region;
      if (region && COUNTRY.test(region)) return region;
    } catch {
      // An odd language tag: try the next one.
    }
  }
  return FALLBACK_COUNTRY;
}

export function defaultSettings(languages: readonly string[] = []): ClickToCallSettings {
  return {
    enabled: true,
    defaultCountry: localeRegion(languages),
    takeOverLinks: true,
    allowList: [],
    denyList: [],
    callAtOnce: [],
    extensionDigits: null,
  };
}

export const EXTENSION_DIGITS_RANGE = { min: 2, max: 8 } as const;

/** What is wrong with a typed site list; the options page says it in the UI language. */
export type HostListProblem = { kind: 'not-a-site'; entry: string } | { kind: 'too-many'; max: number };

/** A host list as typed in the options page (one per line or comma-separated). */
export function parseHostList(text: string): { hosts: string[]; problems: HostListProblem[] } {
  const hosts: string[] = [];
  const problems: HostListProblem[] = [];
  for (const raw of text.split(/[\s,]+/)) {
    if (!raw) continue;
    let entry = raw.toLowerCase().replace(/^\*\./, '');
    // People paste URLs; keep their host.
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(entry)) {
      try {
        entry = new URL(entry).hostname;
      } catch {
        problems.push({ kind: 'not-a-site', entry: raw });
        continue;
      }
    }
    entry = entry.replace(/\.$/, '');
    if (!HOST.test(entry)) problems.push({ kind: 'not-a-site', entry: raw });
    else if (!hosts.includes(entry)) hosts.push(entry);
  }
  if (hosts.length > MAX_ENTRIES) problems.push({ kind: 'too-many', max: MAX_ENTRIES });
  return { hosts, problems };
}

/** An entry matches its host and every subdomain of it. */
export function hostMatches(entry: string, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === entry || h.endsWith(`.${entry}`);
}

/**
 * Whether the user chose to call this site's numbers without the confirmation
 * window. Exactly that host: trust given to crm.example does not pass to its
 * subdomains (which may serve other people's content).
 */
export function callsAtOnce(settings: ClickToCallSettings, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return settings.callAtOnce.includes(h);
}

/** The "call at once" choice for one site (the confirmation window's checkbox). */
export function setCallAtOnce(settings: ClickToCallSettings, host: string, atOnce: boolean): ClickToCallSettings {
  const h = host.toLowerCase();
  const callAtOnce = settings.callAtOnce.filter((e) => e !== h);
  return { ...settings, callAtOnce: atOnce ? [...callAtOnce, h] : callAtOnce };
}

export type SiteDecision = { on: true } | { on: false; reason: 'off-everywhere' | 'denied' | 'not-allowed' };

export function decideForHost(settings: ClickToCallSettings, host: string): SiteDecision {
  if (!settings.enabled) return { on: false, reason: 'off-everywhere' };
  if (settings.denyList.some((e) => hostMatches(e, host))) return { on: false, reason: 'denied' };
  if (settings.allowList.length > 0 && !settings.allowList.some((e) => hostMatches(e, host))) {
    return { on: false, reason: 'not-allowed' };
  }
  return { on: true };
}

/**
 * The popup's one-click switch. Off: the host goes on the deny list (and any
 * entry that would still allow exactly it leaves the allow list). On: every
 * deny entry covering it goes, and with an allow list in use the host joins it.
 */
export function setSiteEnabled(settings: ClickToCallSettings, host: string, on: boolean): ClickToCallSettings {
  const h = host.toLowerCase();
  if (on) {
    const denyList = settings.denyList.filter((e) => !hostMatches(e, h));
    const needsAllow = settings.allowList.length > 0 && !settings.allowList.some((e) => hostMatches(e, h));
    return { ...settings, denyList, allowList: needsAllow ? [...settings.allowList, h] : settings.allowList };
  }
  return {
    ...settings,
    allowList: settings.allowList.filter((e) => e !== h),
    denyList: settings.denyList.includes(h) ? settings.denyList : [...settings.denyList, h],
  };
}
