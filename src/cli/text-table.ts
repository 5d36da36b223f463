/** Plain-text tables for the terminal: fixed columns, long cells cut with an ellipsis. */

export interface Column {
  readonly header: string;
  /** Maximum width in characters; the column shrinks to its widest cell. */
  readonly max: number;
  readonly align?: 'left' | 'right';
}

/** Width as a terminal shows it: combining marks take no column (text is NFC, but be safe). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) if (!/\p{M}/u.test(ch)) width += 1;
  return width;
}

function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (displayWidth(flat) <= max) return flat;
  const chars = Array.from(flat);
  return (
    chars
      .slice(0, Math.max(0, max - 1))
      .join('')
      .trimEnd() + '…'
  );
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const cells = rows.map((row) => columns.map((col, i) => cut(row[i] ?? '', col.max)));
  const widths = columns.map((col, i) =>
    Math.max(displayWidth(cut(col.header, col.max)), ...cells.map((row) => displayWidth(row[i] ?? ''))),
  );
  const line = (row: readonly string[]): string =>
    columns
      .map((col, i) => pad(row[i] ?? '', widths[i] ?? 0, col.align ?? 'left'))
      .join('  ')
      .trimEnd();
  const header = line(columns.map((col) => cut(col.header, col.max)));
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [header, rule, ...cells.map(line)].join('\n');
}
