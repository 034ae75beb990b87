// Issue 13, point 4: how long the phone takes to register again after its SIP
// server comes back, for outages of 5, 30, 60 and 120 s (target: within 5 s
// for any outage up to 10 minutes). The baseline, measured in the same run,
// is a first registration with the server up (the account saved, to
// Registered): the ratio says how much the outage adds. Real Kamailio,
// stopped and started on its port; the built extension in Chromium.
import type { Page } from 'playwright-core';
import { fillAccountForm, openOptions, openPopup, registrationText } from '../test/e2e/harness/clickdial';
import { startKamailio } from '../test/e2e/harness/kamailio';
import { startPhoneLab } from '../test/e2e/harness/phone-lab';
import { USERS, aorOf } from '../test/e2e/harness/users';

export interface ReregistrationResult {
  outageS: number;
  /** From the server accepting connections again to "Registered" in the popup. */
  backMs: number;
  ratio: number;
}

export interface ReregistrationBench {
  baselineMs: number;
  outages: ReregistrationResult[];
}

async function untilRegistered(page: Page, limitMs: number): Promise<number> {
  const began = Date.now();
  while ((await registrationText(page)) !== 'Registered') {
    if (Date.now() - began > limitMs) throw new Error(`not registered within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - began;
}

export async function benchReregistration(outagesS: number[] = [5, 30, 60, 120]): Promise<ReregistrationBench> {
  const lab = await startPhoneLab();
  let kamailio = lab.kamailio;
  try {
    const options = await openOptions(lab.browser.context, lab.browser.extensionId);
    await fillAccountForm(options, { server: kamailio.wsUrl, aor: aorOf('1001'), password: USERS['1001'] });
    const baselineMs = await untilRegistered(options, 10_000);
    const popup = await openPopup(lab.browser.context, lab.browser.extensionId);
    await untilRegistered(popup, 10_000);
    const outages: ReregistrationResult[] = [];
    for (const outageS of outagesS) {
      const port = kamailio.port;
      await kamailio.stop();
      await new Promise((r) => setTimeout(r, outageS * 1000));
      kamailio = await startKamailio({ port });
      const backMs = await untilRegistered(popup, 60_000);
      outages.push({ outageS, backMs, ratio: backMs / baselineMs });
      console.log(`outage ${outageS} s: registered ${backMs} ms after the server was back`);
    }
    return { baselineMs, outages };
  } finally {
    await lab.stop();
    if (kamailio !== lab.kamailio) await kamailio.stop();
  }
}
