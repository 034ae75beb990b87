// The phone's line to the service worker: one runtime port, named 'phone'.
// Chrome may close this document at any time without telling anyone; the
// port's disconnect is how the worker learns of it at once (and recreates the
// phone) instead of at its next alarm. Over it the phone also sends its live
// calls on every change (the worker keeps them, so that calls lost with this
// document can be ended and filed), and a heartbeat every 20 s, which keeps
// the worker awake enough to hear the disconnect.
//
//   connecting ──connected (liveCalls sent)──▶ open ──worker stopped (port closed)──▶ connecting (at once; that wakes a new worker)
//   open ──every 20 s──▶ open (beat)      open ──calls changed──▶ open (liveCalls)
import browser from 'webextension-polyfill';
import { PHONE_PORT, type LiveCall, type PhoneLinkMessage } from '../shared/live-calls';

const BEAT_MS = 20_000;

export class WorkerLink {
  private port: browser.Runtime.Port | undefined;
  /** This document's own id: calls the worker holds under another id belonged to a phone that died. */
  private readonly phoneId = crypto.randomUUID();
  private last = '';
  private calls: LiveCall[] = [];

  constructor() {
    this.connect();
    setInterval(() => this.send({ type: 'beat' }), BEAT_MS);
  }

  /** The phone's calls now: sent when they differ from what was sent last. */
  liveCalls(calls: LiveCall[]): void {
    const json = JSON.stringify(calls);
    if (json === this.last) return;
    this.last = json;
    this.calls = calls;
    this.sendCalls();
  }

  private connect(): void {
    const port = browser.runtime.connect({ name: PHONE_PORT });
    this.port = port;
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.port = undefined;
      // The worker stopped (Chrome's idle timer, an update): a new connect wakes a new one.
      setTimeout(() => this.connect(), 0);
    });
    // Said on every connection: a new worker knows nothing, and a first one learns this phone's id.
    this.sendCalls();
  }

  private sendCalls(): void {
    this.send({ type: 'liveCalls', phoneId: this.phoneId, calls: this.calls });
  }

  private send(message: PhoneLinkMessage): void {
    try {
      this.port?.postMessage(message);
    } catch {
      // Disconnected meanwhile: onDisconnect reconnects and resends.
    }
  }
}
