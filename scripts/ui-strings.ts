// Finds words in the pages' JSX that do not come from the message catalogue: a JSX text
// node, or a string in an attribute people read or hear (aria-label, title, placeholder,
// alt…), or a string literal or template inside a JSX expression, that has letters in it.
// Two more places where a page's words hide: a component's prop (<MicrophoneAccess
// allowed="Microphone allowed." />) and what a page puts in its state to show later
// (setError('Enter the number.'), setStatus({ kind: 'ok', text: 'Saved.' })). There a
// string that reads as a name, not as words (lower case, no spaces: 'ok', 'account.save',
// a message key), passes, since props and state hold kinds and keys as well as words.
// Words must come from t() / plural() (src/shared/i18n.ts) so every language has them.
// What has no letters (✕, ⌫, digits, punctuation) needs no translation and passes.
// Strings that are not shown pass too: call arguments (t('key'), a handler's argument) and
// the operands of comparisons (state === 'ringing').
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface UntranslatedString {
  file: string;
  line: number;
  text: string;
}

/** Attributes whose values are shown or read aloud. */
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

const hasLetters = (text: string) => /\p{L}/u.test(text);

/** A kind, a key or an address ('ok', 'no-device', 'options_save', 'account.save'), not words. */
const isName = (text: string) => /^[a-z0-9_.:/#-]*$/.test(text);

/** A Preact state setter (setError, setStatus): what it is given is often shown later. */
const isStateSetter = (callee: ts.Expression) => ts.isIdentifier(callee) && /^set[A-Z]/.test(callee.text);

function isNotShown(node: ts.Node): boolean {
  // A choice between strings is an argument when the choice is: t(incoming ? 'to_line' : 'from_line').
  let at = node;
  while ((ts.isConditionalExpression(at.parent) && at !== at.parent.condition) || ts.isParenthesizedExpression(at.parent)) at = at.parent;
  if (ts.isCallExpression(at.parent) && at.parent.arguments.includes(at as ts.Expression)) return true;
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    return (
      op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
      op === ts.SyntaxKind.EqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsToken
    );
  }
  if (ts.isCaseClause(parent) || ts.isElementAccessExpression(parent)) return true;
  return false;
}

/** String literals and templates with letters in an expression, outside calls' arguments and comparisons. */
function wordsIn(expression: ts.Node, report: (node: ts.Node, text: string) => void): void {
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (hasLetters(node.text) && !isNotShown(node)) report(node, node.text);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      const literal = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('…');
      if (hasLetters(literal) && !isNotShown(node)) report(node, literal);
      for (const span of node.templateSpans) visit(span.expression);
      return;
    }
    // JSX inside the expression is walked as JSX (by the caller's walk).
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return;
    ts.forEachChild(node, visit);
  };
  visit(expression);
}

/** JSX attributes' owner (<Name … />, <Name …>) is a component, not an HTML element. */
function isComponent(node: ts.Node): boolean {
  if (!ts.isJsxSelfClosingElement(node) && !ts.isJsxOpeningElement(node)) return false;
  return /^[A-Z]/.test(node.tagName.getText());
}

/** The strings a state setter is given: the argument, a property of it, a choice of them; not what functions inside compute. */
function stateWords(node: ts.Node, report: (node: ts.Node, text: string) => void): void {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    if (hasLetters(node.text)) report(node, node.text);
  } else if (ts.isTemplateExpression(node)) {
    const literal = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('…');
    if (hasLetters(literal)) report(node, literal);
  } else if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) if (ts.isPropertyAssignment(property)) stateWords(property.initializer, report);
  } else if (ts.isConditionalExpression(node)) {
    stateWords(node.whenTrue, report);
    stateWords(node.whenFalse, report);
  } else if (ts.isParenthesizedExpression(node)) {
    stateWords(node.expression, report);
  }
}

export function untranslatedStrings(file: string, source: string): UntranslatedString[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: UntranslatedString[] = [];
  const report = (node: ts.Node, text: string) => {
    // A JSX text node starts at the line break before its words: the line of its first letter.
    const at = node.getStart(sf) + (ts.isJsxText(node) ? node.text.search(/\S/) : 0);
    found.push({ file, line: sf.getLineAndCharacterOfPosition(at).line + 1, text: text.trim() });
  };
  const reportWords = (node: ts.Node, text: string) => {
    if (!isName(text)) report(node, text);
  };
  const isPage = file.endsWith('.tsx');
  const walk = (node: ts.Node): void => {
    if (ts.isJsxText(node) && hasLetters(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      const value = node.initializer;
      if (READ_ATTRIBUTES.has(name) && value) {
        if (ts.isStringLiteral(value) && hasLetters(value.text)) report(value, value.text);
        if (ts.isJsxExpression(value) && value.expression) wordsIn(value.expression, report);
      }
    }
    // A component's prop (its tag starts with a capital): words unless it reads as a name.
    if (ts.isJsxAttribute(node) && node.initializer && isComponent(node.parent.parent)) {
      const value = node.initializer;
      const name = node.name.getText(sf);
      if (!READ_ATTRIBUTES.has(name)) {
        if (ts.isStringLiteral(value) && hasLetters(value.text) && !isName(value.text)) report(value, value.text);
        if (ts.isJsxExpression(value) && value.expression) wordsIn(value.expression, reportWords);
      }
    }
    // An expression child of an element: {cond && ' (default)'}, {a ? 'Mute' : 'Unmute'}.
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) wordsIn(node.expression, report);
    // Words put in a page's state to be shown: setError('…'), setStatus({ text: '…' }).
    if (isPage && ts.isCallExpression(node) && isStateSetter(node.expression)) {
      for (const argument of node.arguments) stateWords(argument, reportWords);
    }
    ts.forEachChild(node, walk);
  };
  walk(sf);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every untranslated string in the .ts and .tsx files under `dirs`. */
export function untranslatedIn(dirs: readonly string[]): UntranslatedString[] {
  return dirs.flatMap((dir) => sourceFiles(dir).flatMap((file) => untranslatedStrings(file, readFileSync(file, 'utf8'))));
}
