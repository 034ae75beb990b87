// One SIP account's connection as a pure model: the user's intent (the
// account and whether to be online) kept apart from what the network gives
// (connection, registration, the last error in words). The phone's SIP
// adapter (offscreen/sip-connection.ts) turns SessionManager callbacks into
// these events; `reduceAccount` is the only writer, the snapshot reads it.
//
//   no account ──configured──▶ offline ──configured(online)──▶ connecting ──connected──▶ registering ──registered──▶ registered
//   connecting ──connectFailed──▶ disconnected (error)      registering ──rejected(auth)──▶ failed (stays until the account changes)
//   registered ──disconnected──▶ disconnected ──connecting──▶ …       any ──stopped──▶ disconnected, unregistered
//   failed ──retried (the user's "Retry now")──▶ unregistered, credentials may be tried again
import type { SipAccount } from './account';
import type { ConnectionState, RegistrationState } from './snapshot';
import type { Words } from './words';

export interface AccountState {
  /** Intent: the account to use and whether the user wants to be online with it. */
  account: SipAccount | null;
  wantsOnline: boolean;
  /** What the network gives. */
  connection: ConnectionState;
  registration: RegistrationState;
  /** The last problem, in words; cleared by success or by going offline. */
  lastError?: Words;
  /** The server refused the credentials: no retry until the account changes. */
  authRejected: boolean;
}

export type AccountEvent =
  | { type: 'configured'; account: SipAccount | null; wantsOnline: boolean; accountChanged: boolean }
  | { type: 'connecting' }
  | { type: 'connected' }
  | { type: 'connectFailed'; error: Words }
  /** The transport went away; `error` when it was not our doing. */
  | { type: 'disconnected'; error?: Words }
  | { type: 'registering' }
  | { type: 'registered' }
  | { type: 'unregistered' }
  | { type: 'rejected'; error: Words; authentication: boolean }
  /** Could not even send the REGISTER, or build the connection: said, state as it is. */
  | { type: 'failedToStart'; error: Words; registration?: RegistrationState }
  /** The user pressed "Retry now": a refused password may be tried once more. */
  | { type: 'retried' }
  | { type: 'stopped' };

export const NO_ACCOUNT: AccountState = {
  account: null,
  wantsOnline: false,
  connection: 'disconnected',
  registration: 'unregistered',
  authRejected: false,
};

function withError(state: AccountState, lastError: Words | undefined): AccountState {
  const { lastError: _old, ...rest } = state;
  return lastError === undefined ? rest : { ...rest, lastError };
}

export function reduceAccount(state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'configured': {
      let next = event.accountChanged ? withError({ ...state, account: event.account, authRejected: false }, undefined) : state;
      const wantsOnline = event.wantsOnline && event.account !== null;
      next = { ...next, wantsOnline };
      return wantsOnline ? next : withError(next, undefined);
    }
    case 'connecting':
      return { ...state, connection: 'connecting' };
    case 'connected':
      return withError({ ...state, connection: 'connected' }, undefined);
    case 'connectFailed':
      return withError({ ...state, connection: 'disconnected', registration: 'unregistered' }, event.error);
    case 'disconnected': {
      const next: AccountState = {
        ...state,
        connection: 'disconnected',
        registration: state.registration === 'failed' ? 'failed' : 'unregistered',
      };
      return event.error !== undefined && state.wantsOnline ? withError(next, event.error) : next;
    }
    case 'registering':
      return { ...state, registration: 'registering' };
    case 'registered':
      return withError({ ...state, registration: 'registered' }, undefined);
    case 'unregistered':
      return state.registration === 'failed' ? state : { ...state, registration: 'unregistered' };
    case 'rejected':
      return withError(event.authentication ? { ...state, authRejected: true, registration: 'failed' } : state, event.error);
    case 'failedToStart':
      return withError(event.registration ? { ...state, registration: event.registration } : state, event.error);
    case 'retried':
      return { ...state, authRejected: false, registration: state.registration === 'failed' ? 'unregistered' : state.registration };
    case 'stopped':
      return { ...state, connection: 'disconnected', registration: 'unregistered' };
  }
}
