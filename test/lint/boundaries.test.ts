import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

// Proves that lint really enforces the folder boundaries of DEVELOPERS.md:
// each case is linted as if it were a file in that folder. Those files do
// not exist, so the type-aware rules (which need a file in the TypeScript
// project) are switched off here; the boundary rules need no types.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [tseslint.configs.disableTypeChecked, { languageOptions: { parserOptions: { projectService: false } } }],
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('folder boundaries', () => {
  it.each([
    ['src/content/x.ts', "import { route } from '../background/router';\nexport const a = route;\n"],
    ['src/content/x.ts', "import { Phone } from '../offscreen/phone';\nexport const a = Phone;\n"],
    ['src/popup/x.ts', "import { Phone } from '../offscreen/phone';\nexport const a = Phone;\n"],
    ['src/options/x.ts', "import { route } from '../background/router';\nexport const a = route;\n"],
    ['src/shared/x.ts', "import { PhoneView } from '../popup/phone-view';\nexport const a = PhoneView;\n"],
    ['src/setup/x.ts', "import { route } from '../background/router';\nexport const a = route;\n"],
    ['src/shared/x.ts', "import { SetupApp } from '../setup/setup-app';\nexport const a = SetupApp;\n"],
    ['src/call-window/x.ts', "import { route } from '../background/router';\nexport const a = route;\n"],
    ['src/call-window/x.ts', "import { Phone } from '../offscreen/phone';\nexport const a = Phone;\n"],
    ['src/popup/x.ts', "import { route } from '../background/router';\nexport const a = route;\n"],
  ])('%s may not import across: %s', async (file, code) => {
    expect((await problems(file, code)).join('\n')).toMatch(/no-restricted-paths/);
  });

  it('keeps UI frameworks out of the content script', async () => {
    expect((await problems('src/content/x.ts', "import { h } from 'preact';\nexport const a = h;\n")).join('\n')).toMatch(
      /no-restricted-imports/,
    );
  });

  it('allows imports from shared/', async () => {
    expect(
      await problems('src/content/x.ts', "import { toDialTarget } from '../shared/dial-string';\nexport const a = toDialTarget;\n"),
    ).toEqual([]);
    expect(
      await problems('src/popup/x.ts', "import { toDialTarget } from '../shared/dial-string';\nexport const a = toDialTarget;\n"),
    ).toEqual([]);
  });

  it('forbids storage.sync (it would sync the SIP password)', async () => {
    expect(
      (await problems('src/background/x.ts', "import browser from 'webextension-polyfill';\nvoid browser.storage.sync.set({});\n")).join(
        '\n',
      ),
    ).toMatch(/storage.sync/);
  });
});
