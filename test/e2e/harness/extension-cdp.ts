// Reaching the parts of an MV3 extension that Playwright does not model, through CDP:
// stopping the service worker (to test state recovery) and evaluating code in the
// offscreen document (a CDP target of type "background_page", not a Playwright page).

import type { BrowserContext, CDPSession } from 'playwright-core';
import { waitFor } from './wait.js';

/**
 * Stop all service workers like Chrome does when idle. The offscreen document survives;
 * the worker's module state does not. Playwright's Worker object survives the restart.
 */
export async function stopServiceWorker(context: BrowserContext): Promise<void> {
  // ServiceWorker.* is a page-level CDP domain: borrow a page, or make a blank one.
  const existing = context.pages()[0];
  const page = existing ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => undefined);
    if (!existing) await page.close();
  }
}

export interface OffscreenEvaluateOptions {
  /** The offscreen document URL ends with this. Default 'offscreen.html'. */
  urlSuffix?: string;
  /** The CDP target type: the offscreen document is a 'background_page'; the real toolbar popup a 'page'. */
  targetType?: 'background_page' | 'page';
  /** How long to wait for the offscreen document to exist. Default 5 s. */
  timeoutMs?: number;
}

/** Sends one CDP command to the attached offscreen document and returns its result. */
export type TargetSend = (method: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>>;

/**
 * Attach to the extension's offscreen document (waiting for it to exist), run `fn` with a
 * `send` for raw CDP commands on it (Runtime.*, ...), then detach.
 */
export async function withOffscreenTarget<T>(
  context: BrowserContext,
  fn: (send: TargetSend) => Promise<T>,
  { urlSuffix = 'offscreen.html', timeoutMs = 5_000, targetType = 'background_page' }: OffscreenEvaluateOptions = {},
): Promise<T> {
  const browser = context.browser();
  if (!browser) throw new Error('offscreen document: context has no browser');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const target = await waitFor(
      async () => {
        const { targetInfos } = await cdp.send('Target.getTargets');
        return targetInfos.find((t) => t.type === targetType && t.url.endsWith(urlSuffix));
      },
      { timeoutMs, what: `an extension document (${targetType} target ending with ${urlSuffix})` },
    );
    // Non-flattened attach: Playwright's CDPSession cannot address a flattened child session
    // (no sessionId parameter), so talk to the target through Target.sendMessageToTarget.
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    try {
      return await fn((method, params = {}) => sendToTarget(cdp, sessionId, method, params));
    } finally {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Runs `functionDeclaration` (source text; `this` is an array) on every live object of a
 * class (e.g. 'RTCPeerConnection') in the offscreen document, found on its heap with
 * Runtime.queryObjects: the phone keeps its media objects private, and test hooks never ship.
 */
export async function onOffscreenObjects<T>(context: BrowserContext, className: string, functionDeclaration: string): Promise<T> {
  return withOffscreenTarget(context, async (send) => {
    const proto = (await send('Runtime.evaluate', { expression: `${className}.prototype` })) as { result: { objectId: string } };
    const found = (await send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId })) as { objects: { objectId: string } };
    const reply = (await send('Runtime.callFunctionOn', {
      objectId: found.objects.objectId,
      functionDeclaration,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: T } };
    return reply.result.value;
  });
}

/**
 * Evaluate `fn(arg)` in the extension's offscreen document and return its (awaited, JSON) result.
 * `fn` is serialized with toString(): it cannot close over test variables; pass them in `arg`.
 */
export async function offscreenEvaluate<T, A = undefined>(
  context: BrowserContext,
  fn: (arg: A) => T | Promise<T>,
  arg?: A,
  options: OffscreenEvaluateOptions = {},
): Promise<T> {
  return withOffscreenTarget(
    context,
    async (send) => {
      // The target exists before its scripts ran: wait for 'load' so page globals are there.
      const call = `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`;
      const expression = `(async () => {
        if (document.readyState !== 'complete') await new Promise((r) => addEventListener('load', r, { once: true }));
        return ${call};
      })()`;
      const reply = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      const details = reply.exceptionDetails as { text?: string; exception?: { description?: string } } | undefined;
      if (details) {
        throw new Error(`offscreenEvaluate: ${details.exception?.description ?? details.text ?? 'exception'}`);
      }
      return (reply.result as { value: T }).value;
    },
    options,
  );
}

let nextMessageId = 1;

function sendToTarget(
  cdp: CDPSession,
  sessionId: string,
  method: string,
  params: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const id = nextMessageId++;
  return new Promise((resolve, reject) => {
    const onMessage = (event: { sessionId: string; message: string }): void => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
      if (message.id !== id) return;
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result ?? {});
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((error: unknown) => {
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}
