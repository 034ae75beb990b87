// Where the first-run setup stands ('setup' in storage.local, with a
// version), so that a setup closed half way goes on where it was left:
// the step shown last, whether it was finished, the test number typed, and
// whether a test call got through. What each step needs (an account that
// registers, the microphone, the host permission) is read live, not kept here.
import * as v from 'valibot';
import { readStored, type StoredKey } from './stored-schema';

export const SETUP_STEPS = ['account', 'microphone', 'click-to-call', 'test-call', 'pin'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

const SETUP_SCHEMA = v.object({
  version: v.literal(1),
  step: v.picklist(SETUP_STEPS),
  finished: v.boolean(),
  testNumber: v.pipe(v.string(), v.maxLength(256)),
  testCallDone: v.boolean(),
});

export type SetupProgress = v.InferOutput<typeof SETUP_SCHEMA>;

export const SETUP_KEY = 'setup';

export const SETUP: StoredKey<SetupProgress> = {
  key: SETUP_KEY,
  version: 1,
  schema: SETUP_SCHEMA,
  fallback: () => ({ version: 1, step: 'account', finished: false, testNumber: '', testCallDone: false }),
  // Nothing before version 1: the setup came with it.
  migrations: [() => SETUP.fallback()],
};

export function readSetupProgress(stored: unknown): SetupProgress {
  return readStored(SETUP, { [SETUP_KEY]: stored }).value;
}

/** What to write: checked, with the current version. */
export function storedSetupProgress(progress: SetupProgress): SetupProgress {
  return v.parse(SETUP_SCHEMA, progress);
}
