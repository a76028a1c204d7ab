import { eastAsianWidth } from 'get-east-asian-width';
import type { Cell, Table } from './blocks.js';

/**
 * A grid table, as pandoc writes a Word table into Markdown or plain text: rows between
 * +----+----+ rules, cells between | walls, each cell wrapped over as many lines as it
 * needs, mid-word in Chinese. Box-drawing tables (┌─┬─┐ │ ├─┼─┤) read the same way.
 * Columns sit at display positions, where a Chinese character takes two; the Markdown
 * grid-table parsers count characters, so they never find a Chinese table's walls.
 */

// Box drawing (U+2500–U+257F) as ASCII: rules to - or =, walls to |, every corner and
// junction to +.
const BOX_CHARS = /[\u2500-\u257f]/g;
const boxAscii = (c: string) => (/[─━┄┅┈┉╌╍]/.test(c) ? '-' : c === '═' ? '=' : /[│┃┆┇┊┋╎╏║]/.test(c) ? '|' : '+');
const RULE = /^\+(?:[-=:]+\+)+$/;

const plain = (line: string) => line.trim().replace(BOX_CHARS, boxAscii);

// Every line of a text is offered: most are turned down on their first character.
const RULE_START = /^\s*[+\u2500-\u257f]/;

/** Whether the line is a grid table's rule (+----+----+), where a table can start. */
export function isGridRule(line: string): boolean {
  if (!RULE_START.test(line)) return false;
  const t = plain(line);
  return t.length >= 5 && RULE.test(t);
}

/** Display positions of the walls in a line: the + of a rule, the | of a row. */
function walls(line: string, wall: string): number[] {
  const out: number[] = [];
  let col = 0;
  for (const ch of line) {
    if (ch === wall) out.push(col);
    col += eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide: false });
  }
  return out;
}

/** Text of a row line between consecutive walls, as [from column index, to column index, text]. */
function segments(line: string, columns: Map<number, number>): { from: number; to: number; text: string }[] | null {
  const at = walls(line, '|');
  const pieces = line.split('|');
  // pieces[k + 1] lies between wall k and wall k + 1.
  let index = at.map((c) => columns.get(c) ?? -1);
  if (index.some((k) => k < 0)) {
    // A converter that measured some character other than we do still draws every wall.
    if (at.length !== columns.size) return null;
    index = at.map((_, k) => k);
  }
  const out: { from: number; to: number; text: string }[] = [];
  for (let k = 0; k + 1 < at.length; k++) out.push({ from: index[k], to: index[k + 1], text: pieces[k + 1] });
  return out.length > 0 && index[0] === 0 && index[index.length - 1] === columns.size - 1 ? out : null;
}

// A task table has a handful of columns; a rule of hundreds is a drawing, not a table.
const MAX_COLUMNS = 64;

/**
 * A cell's lines as one text: wrapped lines run on, a blank line parts paragraphs. Words
 * wrap at a space the rule dropped; a number breaks anywhere (2 / 023年6月).
 */
function cellText(lines: string[]): string {
  const paragraphs: string[] = [];
  let open = '';
  for (const raw of lines) {
    const t = raw.trim();
    if (t === '') {
      if (open) paragraphs.push(open);
      open = '';
    } else open += open && /[A-Za-z]$/.test(open) && /^[A-Za-z]/.test(t) ? ` ${t}` : t;
  }
  if (open) paragraphs.push(open);
  return paragraphs.join('\n');
}

/**
 * The grid table whose top rule is raw line i, with the index after it; null when the
 * lines there do not make one. A cell spanning columns is repeated into each of them.
 */
export function gridTable(raw: string[], i: number, lineOf: (i: number) => number): { table: Table; end: number } | null {
  if (!isGridRule(raw[i])) return null;
  const corners = walls(plain(raw[i]), '+');
  const width = corners.length - 1;
  if (width > MAX_COLUMNS) return null;
  const columns = new Map(corners.map((c, k) => [c, k]));
  const rows: Cell[][] = [];
  let pending: { lines: string[][]; spans: [number, number][]; line: number } | null = null;
  let j = i + 1;
  for (; j < raw.length; j++) {
    const t = plain(raw[j]);
    if (isGridRule(raw[j])) {
      // A rule right after a rule, or with corners of its own, starts whatever follows.
      if (!pending || !walls(t, '+').every((c) => columns.has(c))) break;
      rows.push(toRow(pending, width));
      pending = null;
      continue;
    }
    if (!t.startsWith('|') || !t.endsWith('|')) break;
    const segs = segments(t, columns);
    if (!segs) break;
    const spans = segs.map((s): [number, number] => [s.from, s.to]);
    if (pending && spans.join() !== pending.spans.join()) break;
    pending ??= { lines: segs.map(() => []), spans, line: lineOf(j) };
    segs.forEach((s, k) => pending!.lines[k].push(s.text));
  }
  // Rows end at a rule: lines after the last rule were no part of the table.
  return rows.length >= 2 ? { table: { kind: 'table', rows, line: lineOf(i) }, end: pending ? j - pending.lines[0].length : j } : null;
}

function toRow(row: { lines: string[][]; spans: [number, number][]; line: number }, width: number): Cell[] {
  const cells: Cell[] = new Array(width);
  row.spans.forEach(([from, to], k) => {
    const text = cellText(row.lines[k]);
    for (let c = from; c < to; c++) cells[c] = { text, line: row.line };
  });
  return cells;
}
