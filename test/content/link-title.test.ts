// @vitest-environment happy-dom
// The link's tooltip says "Call with ClickDial" in the browser's language (content scripts
// have chrome.i18n), and the adopted sheet still recognises our links by that ending.
import { describe, expect, it } from 'vitest';
import { useLanguage } from '../support/chrome-i18n';
import { createLinkRegistry } from '../../src/content/link-registry';
import { linkNumbers } from '../../src/content/link-numbers';
import { createLinkStyle } from '../../src/content/link-style';

describe('the link title in German', () => {
  it('ends in the German words, and the sheet matches links by them', () => {
    // Before the first link: the page script reads the words once.
    useLanguage('de');
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Ruf an: +49 30 1234567';
    document.body.append(paragraph);
    linkNumbers(paragraph.firstChild as Text, [{ start: 8, end: 22, e164: '+49301234567', label: '+49301234567' }], createLinkRegistry());
    const link = paragraph.querySelector('a');
    expect(link?.title).toBe('+49301234567\nMit ClickDial anrufen');
    createLinkStyle(document).styleRoot(link!);
    const sheet = document.adoptedStyleSheets.at(-1);
    const rule = sheet?.cssRules[0] as CSSStyleRule | undefined;
    expect(rule?.selectorText).toContain('title$="Mit ClickDial anrufen"');
    expect(link?.matches(rule!.selectorText)).toBe(true);
    useLanguage('en');
  });
});
