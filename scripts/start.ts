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
  const browser = await launchBrowser({
    headless: false,
    grantMicrophoneTo: extensionId,
    // A real microphone and speakers: only the loopback ICE flag is needed.
    realMedia: true,
  });

  const account = { server: kamailio.wsUrl, aor: aorOf('1001'), authorizationUser: '', password: USERS['1001'], displayName: 'You (1001)', iceServers: [] };
  await browser.serviceWorker.evaluate((a) => chrome.storage.local.set({ account: a, wantsOnline: true }), account);

  const farEnd = await openFarEnd(browser.context, server, '1002');
  await farEnd.register(kamailio.wsUrl, '1002');
  // The popup as a tab, so it stays open; the toolbar button opens the same page.
  const popup = await openExtensionPage(browser.context, browser.extensionId, 'src/popup/popup.html');
  await popup.bringToFront();

  console.log(`
ClickDial is running.
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
