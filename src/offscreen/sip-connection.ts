// One account's connection to its SIP server: one SessionManager built from the saved
// account (the phone has one SipConnection per account), kept in line with the user's intent (be online or not), apart from
// what the network gives. Reconnects with backoff for as long as the user
// wants to be online; SessionManager alone gives up after a few tries.
//
//   (no account) --configure--> offline
//   offline --wantsOnline--> connecting --WebSocket up--> connected/registering --200--> registered
//   connecting --fails--> disconnected --backoff--> connecting   (while wantsOnline)
//   registering --401/403/407--> failed   (no retry until the account changes)
//   registered --transport lost--> disconnected --backoff--> connecting
//   any --wantsOnline=false--> offline (unregister, close the WebSocket)
import { Web } from 'sip.js';
import type { SipAccount } from '../shared/account';
import { ClickDialError } from '../shared/protocol';
import type { ConnectionState, RegistrationState } from '../shared/snapshot';
import type { AccountEvent, AccountState } from '../shared/account-model';
import { managerOptions, type SipStack } from './manager-options';
import { describeConnectionFailure, describeRegistrationFailure, isAuthenticationFailure } from './sip-status';

const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000, 30000];
/** How long a call, an answer or a message waits for a registration under way (a phone just started). */
export const REGISTRATION_WAIT_MS = 10_000;

export interface SipConnectionHooks {
  /** This account's state in the phone model (shared/phone-model.ts). */
  state(): AccountState;
  /** Hands an event about this account to the phone model's reducer, its only writer. */
  dispatch(event: AccountEvent): void;
  /** Something in the connection's state changed: publish a snapshot. */
  changed(): void;
  /** The SessionManager delegate methods for calls and messages on this account. */
  callDelegate(): Web.SessionManagerDelegate;
}

export class SipConnection {
  manager: Web.SessionManager | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryAttempt = 0;
  /** Commands waiting for the registration (whenRegistered): looked at on every change. */
  private waiting = new Set<() => void>();

  constructor(
    private readonly hooks: SipConnectionHooks,
    private readonly stack: SipStack = {},
  ) {}

  private get state(): AccountState {
    return this.hooks.state();
  }
  get account(): SipAccount | null {
    return this.state.account;
  }
  get wantsOnline(): boolean {
    return this.state.wantsOnline;
  }
  get connection(): ConnectionState {
    return this.state.connection;
  }
  get registration(): RegistrationState {
    return this.state.registration;
  }
  get registrationError(): string | undefined {
    return this.state.lastError;
  }
  private get authRejected(): boolean {
    return this.state.authRejected;
  }

  private dispatch(event: AccountEvent): void {
    this.hooks.dispatch(event);
  }

  /** Takes the saved account and the user's intent, and reconciles with them. */
  async configure(account: SipAccount | null, wantsOnline: boolean): Promise<void> {
    const accountChanged = JSON.stringify(account) !== JSON.stringify(this.account);
    if (accountChanged) await this.stopManager();
    this.dispatch({ type: 'configured', account, wantsOnline, accountChanged });
    await this.reconcile();
  }

  /**
   * For commands that need the registration: resolves at once when registered,
   * waits up to `timeoutMs` while it is under way (the phone was just started or
   * is reconnecting), and fails at once, with the reason, when it cannot come
   * (no account, offline by choice, credentials refused).
   */
  async whenRegistered(timeoutMs = REGISTRATION_WAIT_MS): Promise<{ manager: Web.SessionManager; account: SipAccount }> {
    const settled = (): boolean =>
      !this.account || !this.wantsOnline || this.authRejected || (this.registration === 'registered' && !!this.manager);
    if (!settled()) {
      await new Promise<void>((resolve) => {
        const check = (): void => {
          if (!settled()) return;
          clearTimeout(timer);
          this.waiting.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          this.waiting.delete(check);
          resolve();
        }, timeoutMs);
        this.waiting.add(check);
      });
    }
    if (this.account && !this.wantsOnline) {
      throw new ClickDialError("The phone is offline: press Connect in ClickDial's options.", 'not-connected');
    }
    if (this.account && this.registration !== 'registered') {
      const why = this.registrationError ? ` ${this.registrationError}` : '';
      throw new ClickDialError(`The phone did not register within ${Math.round(timeoutMs / 1000)} s.${why}`, 'not-connected');
    }
    return this.requireRegistered();
  }

  requireRegistered(): { manager: Web.SessionManager; account: SipAccount } {
    if (!this.account) throw new ClickDialError("Set up your SIP account in ClickDial's options first.", 'not-configured');
    if (!this.manager || this.registration !== 'registered') {
      const why = this.registrationError ? ` ${this.registrationError}` : '';
      throw new ClickDialError(`The phone is not registered.${why}`, 'not-connected');
    }
    return { manager: this.manager, account: this.account };
  }

  private changed(): void {
    this.hooks.changed();
    for (const check of [...this.waiting]) check();
  }

  private async reconcile(): Promise<void> {
    clearTimeout(this.retryTimer);
    const account = this.account;
    if (!this.wantsOnline || !account) {
      await this.stopManager();
      return;
    }
    if (!this.manager) {
      try {
        this.manager = new Web.SessionManager(account.server.trim(), this.options(account));
      } catch (error) {
        this.dispatch({ type: 'failedToStart', error: describeConnectionFailure(account.server, error), registration: 'failed' });
        this.changed();
        return;
      }
    }
    const manager = this.manager;
    if (!manager.isConnected()) {
      this.dispatch({ type: 'connecting' });
      this.changed();
      try {
        await manager.connect();
      } catch (error) {
        if (manager !== this.manager) return; // replaced while connecting
        this.dispatch({ type: 'connectFailed', error: describeConnectionFailure(account.server, error) });
        this.scheduleRetry();
        this.changed();
        return;
      }
    }
    if (this.registration !== 'registered' && !this.authRejected) {
      this.dispatch({ type: 'registering' });
      this.changed();
      await manager.register().catch((error: unknown) => {
        this.dispatch({
          type: 'failedToStart',
          error: `Could not send the registration: ${error instanceof Error ? error.message : String(error)}`,
        });
        this.changed();
      });
    }
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    if (!this.wantsOnline) return;
    const delay = RETRY_DELAYS_MS[Math.min(this.retryAttempt, RETRY_DELAYS_MS.length - 1)] ?? 30000;
    this.retryAttempt += 1;
    this.retryTimer = setTimeout(() => void this.reconcile(), delay);
  }

  /** The account was removed: unregister and close; waiting commands learn it at once. */
  async stop(): Promise<void> {
    await this.stopManager();
    for (const check of [...this.waiting]) check();
  }

  private async stopManager(): Promise<void> {
    clearTimeout(this.retryTimer);
    const manager = this.manager;
    this.manager = undefined;
    this.dispatch({ type: 'stopped' });
    this.changed();
    if (!manager) return;
    await manager.unregister().catch(() => undefined);
    await manager.disconnect().catch(() => undefined);
  }

  private options(account: SipAccount): Web.SessionManagerOptions {
    return managerOptions(
      account,
      {
        onServerConnect: () => {
          this.retryAttempt = 0;
          this.dispatch({ type: 'connected' });
          this.changed();
        },
        onServerDisconnect: (error) => {
          const lost = error && this.wantsOnline;
          this.dispatch({ type: 'disconnected', ...(lost ? { error: describeConnectionFailure(account.server, error) } : {}) });
          if (lost) this.scheduleRetry();
          this.changed();
        },
        onRegistered: () => {
          this.dispatch({ type: 'registered' });
          this.changed();
        },
        onUnregistered: () => {
          this.dispatch({ type: 'unregistered' });
          this.changed();
        },
        ...this.hooks.callDelegate(),
      },
      {
        // Halts SessionManager's automatic re-registration after the server
        // refused our credentials: retrying a wrong password only locks accounts.
        registerGuard: () => Promise.resolve(this.authRejected),
        registererRegisterOptions: {
          requestDelegate: {
            onReject: (response) => {
              const { statusCode = 0, reasonPhrase = '' } = response.message;
              this.dispatch({
                type: 'rejected',
                error: describeRegistrationFailure(statusCode, reasonPhrase),
                authentication: isAuthenticationFailure(statusCode),
              });
              this.changed();
            },
          },
        },
      },
      this.stack,
    );
  }
}
