// `npm start`: a working phone in a minute. Starts Kamailio on loopback,
// opens Chromium with the built extension signed in as 1001, and a second tab
// with a far-end phone registered as 1002 to call. Ctrl+C stops everything.
//
// The account is seeded the way a user would have saved it (storage.local),
// and the microphone is pre-granted to the extension in the fresh profile, as
// if the user had accepted the one-time question.
import { launchBrowser, openExtensionPage } from '../test/e2e/harness/browser.js';
import { openFarEnd } from '../test/e2e/harness/far-end.js';
import { startFarEndServer } from '../test/e2e/harness/far-end-server.js';
import { startKamailio } from '../test/e2e/harness/kamailio.js';
import { extensionIdOf } from '../test/e2e/harness/extension-id.js';
import { USERS, aorOf } from '../test/e2e/harness/users.js';

async function main(): Promise<void> {
  const kamailio = await startKamailio();
  const server = await startFarEndServer();
  const extensionId = extensionIdOf('dist');
  // A real microphone and speakers, unless CLICKDIAL_FAKE_MEDIA=1 (a machine
  // without sound hardware, e.g. a server under xvfb-run).
  const fakeMedia = process.env.CLICKDIAL_FAKE_MEDIA === '1';
  const browser = await launchBrowser({
    headless: false,
    grantMicrophoneTo: extensionId,
    realMedia: !fakeMedia,
    micUi: 'none',
    // As installed: calls open the call window (the tests' harness turns it off by default).
    callWindow: 'window',
  });
  await browser.context.grantPermissions(['microphone'], { origin: server.origin });

  const account = {
    server: kamailio.wsUrl,
    aor: aorOf('1001'),
    authorizationUser: '',
    password: USERS['1001'],
    displayName: 'You (1001)',
    iceServers: [],
  };
  await browser.serviceWorker.evaluate((a) => chrome.storage.local.set({ account: a, wantsOnline: true }), account);

  const farEnd = await openFarEnd(browser.context, server, '1002');
  await farEnd.register(kamailio.wsUrl, '1002');
  // The popup as a tab, so it stays open; the toolbar button opens the same page.
  const popup = await openExtensionPage(browser.context, browser.extensionId, 'src/popup/popup.html');
  await popup.bringToFront();
  // Say whether it really registered, in the extension's own words.
  const state = popup.getByTestId('registration-state');
  await popup
    .waitForFunction(() => document.querySelector('[data-testid=registration-state]')?.textContent === 'Registered', undefined, {
      timeout: 15_000,
    })
    .catch(() => undefined);
  const registered = (await state.textContent()) ?? '?';
  const why =
    registered === 'Registered'
      ? ''
      : ` (${
          (await popup
            .getByTestId('registration-error')
            .textContent()
            .catch(() => '')) ?? ''
        })`;

  console.log(`
ClickDial is running. Phone: ${registered}${why}
  SIP server   ${kamailio.wsUrl}  (Kamailio, domain ${kamailio.domain})
  You          ${aorOf('1001')}   password ${USERS['1001']}
  Far end      ${aorOf('1002')}   in the "ClickDial far end" tab: answer there
  Also         ${aorOf('1003')} / ${USERS['1003']} and ${aorOf('1004')} / ${USERS['1004']} for a second phone

Dial 1002 in the ClickDial tab (or the toolbar popup) and press Call. Ctrl+C to stop.
`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping…');
    await browser.close();
    await server.close();
    await kamailio.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  browser.context.on('close', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
