// The far-end server must serve the page, sip.js's browser ESM with a JavaScript MIME type
// (browsers refuse module scripts otherwise) and fixtures, and nothing outside its roots.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFarEndServer, type FarEndServer } from './harness/far-end-server.js';

let server: FarEndServer;
before(async () => {
  server = await startFarEndServer();
});
after(() => server.close());

test('serves far-end page, sip.js ESM and fixtures with content types', async () => {
  const page = await fetch(server.farEndUrl);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /^text\/html/);

  const sip = await fetch(`${server.origin}/sip.js/lib/index.js`);
  assert.equal(sip.status, 200);
  assert.match(sip.headers.get('content-type') ?? '', /^text\/javascript/);
  assert.match(await sip.text(), /from "\.\/api\/index\.js"/);

  const fixture = await fetch(server.fixtureUrl('numbers.html'));
  assert.equal(fixture.status, 200);
});

test('404 for missing files and for paths escaping the roots', async () => {
  for (const path of ['/far-end/nope.js', '/sip.js/../../package.json', '/sip.js/%2e%2e/%2e%2e/package.json', '/etc/passwd']) {
    const res = await fetch(`${server.origin}${path}`);
    assert.equal(res.status, 404, path);
  }
});
