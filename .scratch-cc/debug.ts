import { waitForHearing, startRig, card, dial, waitForCardState } from '../test/e2e/harness/call-controls.js';
import { aorOf } from '../test/e2e/harness/users.js';

const rig = await startRig(['1002', '1003']);
const { popup } = rig;
const b = rig.far['1002']!, c = rig.far['1003']!;
const browser = rig.browser.context.browser()!;
const cdp = await browser.newBrowserCDPSession();
const { targetInfos } = await cdp.send('Target.getTargets');
const t = targetInfos.find((x) => x.type === 'background_page' && x.url.endsWith('offscreen.html'))!;
const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
  const m = JSON.parse(e.message);
  if (m.method === 'Runtime.consoleAPICalled') console.log('OFFSCREEN', m.params.type, m.params.args.map((a: { value?: unknown; description?: string }) => a.value ?? a.description).join(' ').slice(0, 400));
  if (m.method === 'Runtime.exceptionThrown') console.log('OFFSCREEN EXC', JSON.stringify(m.params.exceptionDetails).slice(0, 600));
});
await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.enable', params: {} }) });
const step = process.argv[2] ?? 'blind';
await b.autoAnswer(true); await c.autoAnswer(true);
if (step === 'blind') {
  await b.clearEvents(); await b.autoAnswer(true);
  await dial(popup, '1002'); await b.waitForCallState('Established'); await waitForCardState(popup, '1002', 'In call');
  await c.clearEvents(); await c.autoAnswer(true);
  await card(popup, '1002').getByRole('button', { name: 'Transfer', exact: true }).click();
  await popup.getByRole('button', { name: 'Transfer now' }).click();
  await popup.getByText('Enter a number or SIP address to transfer to.').waitFor();
  await popup.getByLabel('Transfer to').fill('1003');
  await popup.getByRole('button', { name: 'Transfer now' }).click();
  await b.waitForEvent('refer');
  await waitForHearing(c, '1003 to hear 1002');
  console.log('heard');
  await popup.waitForFunction(() => document.querySelectorAll('article.call').length === 0);
  await b.hangup().catch(() => undefined);
  await c.autoAnswer(false);
  await b.clearEvents(); await b.autoAnswer(true);
  await c.clearEvents(); await c.autoAnswer(true);
}
await dial(popup, '1002'); await waitForCardState(popup, '1002', 'In call');
await card(popup, '1002').getByRole('button', { name: 'Transfer', exact: true }).click();
await popup.getByLabel('Transfer to').fill('1003');
await popup.getByRole('button', { name: 'Consult first' }).click();
await new Promise((r) => setTimeout(r, 5000));
console.log('cards', await popup.locator('article.call').allTextContents());
console.log('c', JSON.stringify((await c.state()).calls));
await rig.stop();
void aorOf;
process.exit(0);
