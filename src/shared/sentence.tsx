// A catalogue sentence with elements inside it ("Status: <strong>Registered</strong> as
// <span>1001@pbx</span>", "Or open <code>chrome://…</code>, find…"): the language decides
// where each element stands, so a page never glues a sentence together from pieces in
// English order. Each placeholder of the message is filled with the element given for it.
import { Fragment, type ComponentChild } from 'preact';
import { t, type MessageKey, type PlaceholderNames, type Substitutions } from './i18n';

// Private-use characters mark where each element goes; no catalogue text contains them.
const OPEN = '\uE001';
const CLOSE = '\uE002';

interface Props<K extends MessageKey> {
  message: K;
  parts: Record<PlaceholderNames<K>, ComponentChild>;
}

export function Sentence<K extends MessageKey>({ message, parts }: Props<K>) {
  const names = Object.keys(parts) as PlaceholderNames<K>[];
  const marks = Object.fromEntries(names.map((name, i) => [name, `${OPEN}${i}${CLOSE}`]));
  const pieces = t(message, ...([marks] as unknown as Substitutions<K>)).split(new RegExp(`${OPEN}(\\d+)${CLOSE}`));
  // split() with a capture group: the words at even indexes, the element numbers at odd ones.
  return (
    <>
      {pieces.map((piece, i) => (
        <Fragment key={i}>{i % 2 === 1 ? parts[names[Number(piece)]!] : piece}</Fragment>
      ))}
    </>
  );
}
