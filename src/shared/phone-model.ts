// The whole phone as one pure model: no I/O, no SIP.js types. The phone's
// adapters (offscreen/sip-connection.ts per account, offscreen/call-registry.ts
// for calls) turn what SIP.js and the browser report into PhoneEvents;
// `reducePhone` is the model's only writer and `phoneSnapshot` derives the
// snapshot every surface renders from it, and from nothing else.
//
//   accounts: accountsListed (the user's order, the default) ──▶ each listed id starts as NO_ACCOUNT
//             account(id, event) ──▶ that account moves as account-model.ts says (unlisted ids: ignored)
//             accountsListed without an id ──▶ that account is gone (its calls stay until they end)
//   calls:    call(event) ──▶ call-model.ts (added … removed), each call with its account
//   microphone / notice / maxCalls ──▶ replaced by the newest word
import { NO_ACCOUNT, reduceAccount, type AccountEvent, type AccountState } from './account-model';
import { activeCall } from './call-selectors';
import { NO_CALLS, callSnapshots, reduceCalls, type CallModelEvent, type CallsModel } from './call-model';
import type { AccountSnapshot, MicrophonePermission, PhoneSnapshot } from './snapshot';
import type { Words } from './words';

export interface Notice {
  words: Words;
  at: number;
}

export interface PhoneModel {
  /** Account ids in the user's order. */
  accountIds: readonly string[];
  accounts: Readonly<Record<string, AccountState>>;
  /** The account calls go out on unless another is chosen. */
  defaultAccountId: string | null;
  calls: CallsModel;
  microphone: MicrophonePermission;
  notice?: Notice;
  maxCalls: number;
}

export type PhoneEvent =
  | { type: 'accountsListed'; ids: readonly string[]; defaultId: string | null }
  | { type: 'account'; id: string; event: AccountEvent }
  | { type: 'call'; event: CallModelEvent }
  | { type: 'microphone'; permission: MicrophonePermission }
  | { type: 'notice'; notice: Notice | undefined }
  | { type: 'maxCalls'; maxCalls: number };

export const NO_PHONE: PhoneModel = {
  accountIds: [],
  accounts: {},
  defaultAccountId: null,
  calls: NO_CALLS,
  microphone: 'unknown',
  maxCalls: 2,
};

export function reducePhone(model: PhoneModel, event: PhoneEvent): PhoneModel {
  switch (event.type) {
    case 'accountsListed': {
      const ids = [...new Set(event.ids)];
      const accounts = Object.fromEntries(ids.map((id) => [id, model.accounts[id] ?? NO_ACCOUNT]));
      const defaultAccountId = event.defaultId !== null && ids.includes(event.defaultId) ? event.defaultId : (ids[0] ?? null);
      return { ...model, accountIds: ids, accounts, defaultAccountId };
    }
    case 'account': {
      const state = model.accounts[event.id];
      if (!state) return model;
      const next = reduceAccount(state, event.event);
      return next === state ? model : { ...model, accounts: { ...model.accounts, [event.id]: next } };
    }
    case 'call': {
      const calls = reduceCalls(model.calls, event.event);
      return calls === model.calls ? model : { ...model, calls };
    }
    case 'microphone':
      return model.microphone === event.permission ? model : { ...model, microphone: event.permission };
    case 'notice': {
      const { notice: _old, ...rest } = model;
      return event.notice ? { ...rest, notice: event.notice } : rest;
    }
    case 'maxCalls':
      return { ...model, maxCalls: event.maxCalls };
  }
}

/** One account as surfaces show it; undefined while it has no account data yet. */
export function accountSnapshot(id: string, state: AccountState): AccountSnapshot | undefined {
  const { account } = state;
  if (!account) return undefined;
  const displayName = account.displayName.trim();
  return {
    id,
    aor: account.aor.trim(),
    ...(displayName ? { displayName } : {}),
    wantsOnline: state.wantsOnline,
    connection: state.connection,
    registration: state.registration,
    ...(state.lastError !== undefined ? { registrationError: state.lastError } : {}),
  };
}

/** The snapshot, derived wholly from the model (and the publish counter). */
export function phoneSnapshot(model: PhoneModel, revision: number): PhoneSnapshot {
  const accounts = model.accountIds.flatMap((id) => {
    const state = model.accounts[id];
    const shown = state ? accountSnapshot(id, state) : undefined;
    return shown ? [shown] : [];
  });
  const calls = callSnapshots(model.calls);
  const active = activeCall(calls);
  const defaultAccountId = accounts.some((a) => a.id === model.defaultAccountId) ? model.defaultAccountId : accounts[0]?.id;
  return {
    accounts,
    ...(defaultAccountId ? { defaultAccountId } : {}),
    microphone: model.microphone,
    calls,
    ...(active ? { activeCallId: active.id } : {}),
    maxCalls: model.maxCalls,
    ...(model.notice ? { notice: { ...model.notice } } : {}),
    revision,
  };
}
