// CSV as spreadsheets and address books export it (RFC 4180): quoted fields
// may hold the delimiter, doubled quotes and line breaks; rows end in CRLF,
// LF or CR. The delimiter is the one of comma, semicolon (Outlook in many
// European locales) and tab that the header row uses most. One pass over the
// text, no backtracking: a hostile file costs time linear in its size.

export function detectDelimiter(text: string): string {
  const header = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length);
  let best = ',';
  let most = -1;
  for (const candidate of [',', ';', '\t']) {
    const count = header.split(candidate).length - 1;
    if (count > most) {
      best = candidate;
      most = count;
    }
  }
  return best;
}

/** Rows of fields; `maxRows` stops early (a huge file gives what fits, not a frozen page). */
export function parseCsvRows(text: string, maxRows = Infinity, delimiter = detectDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (; i < text.length && rows.length < maxRows; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) endField();
    else if (c === '\n') endRow();
    else if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  // The last row, when the file does not end in a line break (or an open quote ran to the end).
  if ((field !== '' || row.length > 0) && rows.length < maxRows) endRow();
  return rows;
}
