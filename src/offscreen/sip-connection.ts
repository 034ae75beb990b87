// One account's connection to its SIP server: one SessionManager built from the saved
// account (the phone has one SipConnection per account), kept in line with the user's intent (be online or not), apart from
// what the network gives. Reconnects for as long as the user wants to be
// online (retry-delay.ts); SessionManager alone gives up after a few tries.
// Nothing here waits for the network: configure and stop return at once, so
// the phone document starts (and answers the popup) whatever the server does.
//
//   (no account) --configure--> offline
//   offline --wantsOnline--> connecting --WebSocket up--> connected/registering --200--> registered
//   connecting --fails, or no answer in 3 s--> disconnected (why, in words) --retry--> connecting   (while wantsOnline)
//   registering --no answer in 3 s--> registering (said: the server does not answer)
//   registering --no answer in 3 s, the server lost before, no calls on it--> disconnected (said)
//                        --retry--> connecting, on a new connection (the words stay until registered)
//   registering --401/403/407--> failed   (no retry until the account changes)
//   registered --transport lost, or keep-alive unanswered--> disconnected --retry--> connecting
//   disconnected --the browser is online again (retryNow)--> connecting at once
//   any but registered --the user's "Retry now" (retryByUser)--> connecting at once, on a new connection
//                        unless calls are on the old one (then the old one reconnects or re-registers)
//   any --wantsOnline=false, or the account changed--> offline (unregister and close in the background)
import { Web } from 'sip.js';
import type { SipAccount } from '../shared/account';
import { ClickDialError, errorDetail } from '../shared/protocol';
import { words, type Words } from '../shared/words';
import type { ConnectionState, RegistrationState } from '../shared/snapshot';
import type { AccountEvent, AccountState } from '../shared/account-model';
import { managerOptions, type SipStack } from './manager-options';
import { describeConnectionFailure, describeRegistrationFailure, isAuthenticationFailure } from './sip-status';
import { KeepAlive } from './keep-alive';
import { ChangeWaiters } from './change-waiters';
import { retryDelayMs } from './retry-delay';
import {
  CONNECT_TIMEOUT_S,
  describeDeadConnection,
  describeMuteRegistrar,
  describeSilentServer,
  describeUnreachable,
} from './server-probe';
import { buildSessionManager, releaseSessionManager } from './session-manager-factory';

/** A REGISTER with no answer for this long is said: the server takes WebSockets but not SIP. */
const REGISTER_SILENCE_MS = CONNECT_TIMEOUT_S * 1000;
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
  /** The connection was lost (not by choice): calls on it are kept for a while (phone.ts decides). */
  lost(): void;
  /** The connection is up again. */
  restored(): void;
  /** Calls are on this account: its connection is kept (their dialogs need it). */
  carriesCalls(): boolean;
}

export class SipConnection {
  manager: Web.SessionManager | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryAttempt = 0;
  /** When the server was last lost (for the retry delay), undefined while reachable. */
  private outageSince: number | undefined;
  private keepAlive: KeepAlive | undefined;
  /** Set when the keep-alive closed a dead connection: SIP.js then reports no error. */
  private silentLoss = false;
  private registerSilence: ReturnType<typeof setTimeout> | undefined;
  /** The server was lost and has not taken a REGISTER since (an outage, or unreachable from the start). */
  private recovering = false;
  /** Said when a new connection replaced one whose REGISTER had no answer: kept until a registration. */
  private unansweredWords: Words | undefined;
  /** Stops what the current SessionManager left listening (SIP.js never removes its `online` listener). */
  private managerScope: AbortController | undefined;
  private reconciling: Promise<void> | undefined;
  /** Asked to reconcile while one ran: it runs once more when that ends. */
  private again = false;
  /** What the transport said when it dropped; SessionManager is told nothing (session-manager-factory.ts). */
  private lossError: Error | undefined;
  /** The connection was lost while wanted: restored() is due when it is back. */
  private down = false;
  /** Commands waiting for the registration or the connection: looked at on every change. */
  private readonly waiters = new ChangeWaiters();

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
  get registrationError(): Words | undefined {
    return this.state.lastError;
  }
  private get authRejected(): boolean {
    return this.state.authRejected;
  }

  private dispatch(event: AccountEvent): void {
    this.hooks.dispatch(event);
  }

  /** Takes the saved account and the user's intent, and reconciles with them. */
  configure(account: SipAccount | null, wantsOnline: boolean): void {
    const accountChanged = JSON.stringify(account) !== JSON.stringify(this.account);
    // A changed server or password takes effect at once, whatever the old connection was doing.
    if (accountChanged) this.stopManager();
    this.dispatch({ type: 'configured', account, wantsOnline, accountChanged });
    this.retryAttempt = 0;
    this.recovering = false;
    this.unansweredWords = undefined;
    void this.reconcile();
  }

  /** The browser says it is online again (or the user pressed Retry): try now, not at the next retry. */
  retryNow(): void {
    if (!this.wantsOnline || !this.account || this.registration === 'registered' || this.authRejected) return;
    this.retryAttempt = 0;
    void this.reconcile();
  }

  /**
   * The user pressed "Retry now": whatever the connection was doing (waiting
   * for the next attempt, connecting to a silent server, waiting for a
   * REGISTER a mute server never answers, refused credentials), try again now.
   * A connection that carries calls is kept (their audio is peer to peer and
   * their dialogs need it); any other is replaced by a new one.
   */
  retryByUser(keepConnection: boolean): void {
    if (!this.wantsOnline || !this.account) return;
    if (this.registration === 'registered' && this.registrationError === undefined) return;
    this.dispatch({ type: 'retried' });
    if (!keepConnection && this.connection !== 'disconnected') this.stopManager();
    this.retryAttempt = 0;
    void this.reconcile();
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
    await this.waiters.until(settled, timeoutMs);
    if (this.account && !this.wantsOnline) {
      throw new ClickDialError(words('error_phone_offline'), 'not-connected');
    }
    if (this.account && this.registration !== 'registered') {
      const why = this.registrationError;
      const seconds = Math.round(timeoutMs / 1000);
      throw new ClickDialError(
        why ? words('error_not_registered_in_time_why', { seconds, why }) : words('error_not_registered_in_time', { seconds }),
        'not-connected',
      );
    }
    return this.requireRegistered();
  }

  requireRegistered(): { manager: Web.SessionManager; account: SipAccount } {
    if (!this.account) throw new ClickDialError(words('error_set_up_account_first'), 'not-configured');
    if (!this.manager || this.registration !== 'registered') {
      const why = this.registrationError;
      throw new ClickDialError(why ? words('error_not_registered_why', { why }) : words('error_not_registered'), 'not-connected');
    }
    return { manager: this.manager, account: this.account };
  }

  private changed(): void {
    this.hooks.changed();
    this.waiters.changed();
  }

  /** One reconciliation at a time: a second request while one runs is taken up when it ends. */
  private async reconcile(): Promise<void> {
    clearTimeout(this.retryTimer);
    if (this.reconciling) {
      this.again = true;
      return this.reconciling;
    }
    this.reconciling = this.reconcileOnce().finally(() => {
      this.reconciling = undefined;
      if (this.again) {
        this.again = false;
        void this.reconcile();
      }
    });
    return this.reconciling;
  }

  private async reconcileOnce(): Promise<void> {
    const account = this.account;
    if (!this.wantsOnline || !account) {
      this.stopManager();
      return;
    }
    if (!this.manager) {
      try {
        this.managerScope = new AbortController();
        const scope = this.managerScope.signal;
        this.manager = buildSessionManager(account.server.trim(), this.options(account, scope), scope, (error) => {
          this.lossError = error;
        });
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
      const began = Date.now();
      try {
        await manager.connect();
      } catch (error) {
        if (manager !== this.manager) return; // replaced while connecting
        this.outageSince ??= Date.now();
        this.recovering = true;
        this.scheduleRetry();
        // SIP.js reports its own timeout as an ordinary close: the clock tells them apart.
        const timedOut = Date.now() - began >= CONNECT_TIMEOUT_S * 1000 - 250;
        const why = timedOut
          ? describeSilentServer(account.server.trim())
          : await (this.stack.describeUnreachable ?? describeUnreachable)(account.server.trim(), error);
        if (manager !== this.manager) return;
        this.dispatch({ type: 'connectFailed', error: why });
        this.changed();
        return;
      }
    }
    if (manager !== this.manager) return; // let go while connecting
    if (this.registration !== 'registered' && !this.authRejected) {
      this.dispatch({ type: 'registering' });
      this.changed();
      this.watchRegisterSilence(account);
      await manager.register().catch((error: unknown) => {
        // SessionManager registers by itself on connect: ours then finds that REGISTER under way.
        if (error instanceof Error && error.name === 'RequestPendingError') return;
        this.dispatch({
          type: 'failedToStart',
          error: words('sip_register_not_sent', { detail: errorDetail(error) }),
        });
        this.changed();
      });
    }
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    if (!this.wantsOnline) return;
    const delay = retryDelayMs(this.retryAttempt, Date.now() - (this.outageSince ?? Date.now()));
    this.retryAttempt += 1;
    this.retryTimer = setTimeout(() => void this.reconcile(), delay);
  }

  /**
   * A server that took the WebSocket but says nothing to the REGISTER is named as such, within 3 s.
   * When it was lost before (back after an outage), that REGISTER most likely went to a PBX still
   * starting, and SIP.js would wait 32 s for it (the keep-alive some 20 s): a new connection goes at
   * the next retry instead. One that never answered from the start is only named (the user's Retry
   * now tries again): connecting to it again and again changes nothing. A connection that carries
   * calls is kept either way.
   */
  private watchRegisterSilence(account: SipAccount): void {
    clearTimeout(this.registerSilence);
    this.registerSilence = setTimeout(() => {
      if (this.registration !== 'registering' || !this.manager) return;
      const unanswered = describeMuteRegistrar(account.server.trim());
      this.dispatch({ type: 'failedToStart', error: unanswered });
      if (this.recovering && !this.hooks.carriesCalls()) {
        this.unansweredWords = unanswered;
        this.stopManager();
        this.outageSince ??= Date.now();
        this.scheduleRetry();
      }
      this.changed();
    }, REGISTER_SILENCE_MS);
  }

  private registeredAgain(): void {
    this.recovering = false;
    this.unansweredWords = undefined;
  }

  /** The account was removed: unregister and close (in the background); waiting commands learn it at once. */
  stop(): void {
    this.stopManager();
    this.waiters.changed();
  }

  /** Lets go of the SessionManager at once; it unregisters and closes in the background. */
  private stopManager(): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.registerSilence);
    this.keepAlive?.stop();
    this.keepAlive = undefined;
    this.managerScope?.abort();
    this.managerScope = undefined;
    const manager = this.manager;
    this.manager = undefined;
    this.dispatch({ type: 'stopped' });
    this.changed();
    if (!manager) return;
    void releaseSessionManager(manager);
  }

  /** `scope` is aborted once this SessionManager is let go: what it reports after that is about a connection that no longer counts. */
  private options(account: SipAccount, scope: AbortSignal): Web.SessionManagerOptions {
    return managerOptions(
      account,
      {
        onServerConnect: () => {
          if (scope.aborted) return;
          if (this.down) {
            this.down = false;
            this.hooks.restored();
          }
          this.retryAttempt = 0;
          this.outageSince = undefined;
          this.startKeepAlive(account);
          this.dispatch({ type: 'connected' });
          // Still unanswered until this connection registers: said on, not cleared for a moment.
          if (this.unansweredWords) this.dispatch({ type: 'failedToStart', error: this.unansweredWords });
          this.changed();
        },
        onServerDisconnect: (reported) => {
          if (scope.aborted) return;
          const error = reported ?? this.lossError;
          this.lossError = undefined;
          this.keepAlive?.stop();
          clearTimeout(this.registerSilence);
          const silent = this.silentLoss;
          this.silentLoss = false;
          const lost = (error || silent) && this.wantsOnline;
          const why = silent ? describeDeadConnection(account.server.trim()) : describeConnectionFailure(account.server, error);
          this.dispatch({ type: 'disconnected', ...(lost ? { error: why } : {}) });
          if (lost) {
            this.outageSince ??= Date.now();
            this.recovering = true;
            this.scheduleRetry();
            if (!this.down) {
              this.down = true;
              this.hooks.lost();
            }
          }
          this.changed();
        },
        onRegistered: () => {
          if (scope.aborted) return;
          clearTimeout(this.registerSilence);
          this.registeredAgain();
          this.dispatch({ type: 'registered' });
          this.changed();
        },
        onUnregistered: () => {
          if (scope.aborted) return;
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
            // Also refreshes: a registration the server dropped while the connection stayed up comes back here.
            onAccept: () => {
              if (scope.aborted) return;
              clearTimeout(this.registerSilence);
              this.registeredAgain();
              if (this.registration === 'registered') return;
              this.dispatch({ type: 'registered' });
              this.changed();
            },
            onReject: (response) => {
              if (scope.aborted) return;
              clearTimeout(this.registerSilence);
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

  /** Resolves true once the connection is up (in-dialog requests need it), false after `timeoutMs` or when going offline. */
  async whenConnected(timeoutMs: number): Promise<boolean> {
    const up = (): boolean => this.connection === 'connected' && !!this.manager;
    await this.waiters.until(() => up() || !this.wantsOnline, timeoutMs);
    return up();
  }

  private startKeepAlive(account: SipAccount): void {
    this.keepAlive?.stop();
    const manager = this.manager;
    if (!manager) return;
    this.keepAlive = new KeepAlive(manager.userAgent, account.aor.trim(), () => {
      if (manager !== this.manager) return;
      // Closing the dead socket ourselves: SIP.js reports that without an error, so remember why.
      this.silentLoss = true;
      void manager.userAgent.transport.disconnect().catch(() => undefined);
    });
    this.keepAlive.start();
  }
}
