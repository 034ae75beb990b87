// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createLinkStyle } from '../../src/content/link-style';

describe('createLinkStyle', () => {
  it('adopts one sheet in each root that gets links, once, keeps the page sheets, and takes it out on remove', () => {
    const pageSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [pageSheet];
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const inShadow = document.createTextNode('x');
    shadow.append(inShadow);
    const inPage = document.createTextNode('y');
    document.body.append(inPage);

    const style = createLinkStyle(document);
    style.styleRoot(inPage);
    style.styleRoot(inPage);
    style.styleRoot(inShadow);
    expect(document.adoptedStyleSheets).toHaveLength(2);
    expect(document.adoptedStyleSheets[0]).toBe(pageSheet);
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    expect(shadow.adoptedStyleSheets[0]).toBe(document.adoptedStyleSheets[1]);

    style.remove();
    expect(document.adoptedStyleSheets).toEqual([pageSheet]);
    expect(shadow.adoptedStyleSheets).toEqual([]);
  });

  it('styles no node that is not in a document or shadow root', () => {
    const style = createLinkStyle(document);
    const before = document.adoptedStyleSheets.length;
    style.styleRoot(document.createElement('span'));
    expect(document.adoptedStyleSheets).toHaveLength(before);
  });
});
