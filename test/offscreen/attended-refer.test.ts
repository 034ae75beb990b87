// @vitest-environment happy-dom
// Attended transfer's REFER (offscreen/attended-refer.ts) over SIP.js's real
// stack: Refer-To names the target by its address of record with the
// consultation dialog in an escaped Replaces header, and the far end's SIP.js
// follows it (the transferee's INVITE with Replaces reaches the target, which
// takes the consultation call's place); then both our legs end.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Invitation } from 'sip.js';
import { installMediaFakes, until } from './sip-world';
import { header, phoneWorld, sent, type PhoneWorld } from './phone-world';

let world: PhoneWorld | undefined;

beforeAll(() => installMediaFakes());
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

describe('attended transfer', () => {
  it('Refer-To is the target AOR with ?Replaces=<call-id>%3Bto-tag%3D..%3Bfrom-tag%3D.., followed by the far end', async () => {
    const w = (world = await phoneWorld());
    // The first call (the transferee is the far end's first session).
    const { callId: first } = await w.phone.call('1002');
    await until(() => w.far.invitations.length === 1, 'the first INVITE');
    const transferee: Invitation = w.far.last();
    await transferee.accept();
    await until(() => w.stateOf(first) === 'active', 'the first call active');
    // The transferee follows the REFER as a phone does: it calls the Refer-To target with Replaces.
    const referTos: string[] = [];
    transferee.delegate = {
      onRefer: (referral) => {
        referTos.push(referral.request.getHeader('refer-to') ?? '');
        void referral.accept().then(() => referral.makeInviter().invite());
      },
    };
    // The consultation, with 1003.
    const c = await w.addFar('sip:1003@clickdial.test');
    const { callId: consult } = await w.phone.controls.consult(first, '1003');
    await until(() => c.invitations.length === 1, 'the consultation INVITE');
    const target = c.last();
    await target.accept();
    await until(() => w.stateOf(consult) === 'active', 'the consultation active');

    await w.phone.controls.completeTransfer(consult);
    await until(() => referTos.length === 1, 'the REFER');
    const dialog = target.dialog!;
    // As the target sees its dialog: to-tag is its own (local) tag.
    const replaces = encodeURIComponent(`${dialog.callId};to-tag=${dialog.localTag};from-tag=${dialog.remoteTag}`);
    expect(referTos[0]).toBe(`<sip:1003@clickdial.test?Replaces=${replaces}>`);
    expect(replaces).toMatch(/%3Bto-tag%3D.+%3Bfrom-tag%3D/);
    expect(referTos[0]).not.toMatch(/invalid|transport=ws/);
    expect(header(sent(w, 'phone', 'REFER')[0], 'Referred-By')).toBe('<sip:1001@clickdial.test>');

    // The INVITE with Replaces reaches the target, which matches it to the consultation and takes it.
    await until(() => c.invitations.length === 2, 'the INVITE with Replaces');
    const replacement = c.last();
    expect(replacement.replacee).toBe(target);
    await replacement.accept();
    // The target BYEs the replaced consultation; the NOTIFY 200 ends our first leg.
    await until(() => w.now().calls.length === 0, 'both our legs ended', 5000);
    expect(w.ended.map((e) => e.call.id).sort()).toEqual([first, consult].sort());
    // Our BYE of the first leg (the consultation was ended by the target).
    await until(() => sent(w, 'phone', 'BYE').length === 1, 'our BYE');
    expect(header(sent(w, 'phone', 'BYE')[0], 'Call-ID')).toBe(transferee.request.callId);
    expect(transferee.state).toBe('Terminated');
    expect(replacement.state).toBe('Established');
  });
});
