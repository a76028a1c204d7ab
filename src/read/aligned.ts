import type { Cell, Table } from './blocks.js';
import { displayWidth } from '../normalize/text.js';

/**
 * A sheet copied as text: columns aligned with spaces under a header, and a long cell
 * wrapped onto the next lines inside its own column, those lines starting with spaces.
 * Each segment of text goes to the column it starts under, so a wrapped cell joins up.
 */

type Segment = { at: number; text: string };

const SLACK = 2;
// Quotes such as “ ” print one column wide or two depending on the font, so a cell may
// start a few columns off its column and still be under it.
const DRIFT = 6;
const MAX_ROW = 400;


/** Runs of text separated by two or more spaces, with the column each starts at. */
function segments(line: string): Segment[] {
  const out: Segment[] = [];
  // Words joined by single spaces stay one segment; two or more spaces part columns.
  for (const m of line.matchAll(/\S+(?:\s\S+)*/g)) out.push({ at: displayWidth(line.slice(0, m.index)), text: m[0] });
  return out;
}

function columnFor(starts: number[], at: number): number {
  for (let k = starts.length - 1; k >= 0; k--) if (at >= starts[k] - SLACK) return k;
  return -1;
}

/** The aligned table starting at raw line i, with the index after it; null when none starts there. */
export function alignedTable(raw: string[], i: number, lineOf: (i: number) => number): { table: Table; end: number } | null {
  // A row of a sheet is short; a long line is prose (and measuring it would cost time).
  if (/^\s/.test(raw[i]) || raw[i].length > MAX_ROW) return null;
  const head = segments(raw[i]);
  if (head.length < 3) return null;
  const starts = head.map((s) => s.at);
  const rows: Cell[][] = [head.map((s) => ({ text: s.text, line: lineOf(i) }))];
  let wrapped = false;
  let j = i + 1;
  for (; j < raw.length && raw[j].trim() !== '' && raw[j].length <= MAX_ROW; j++) {
    const segs = segments(raw[j]);
    const cols = segs.map((s) => columnFor(starts, s.at));
    // Each cell starts under its column: rows that only keep their cells in order are a
    // space-separated table, whose cells start wherever the cell before them ends.
    if (cols.some((c, k) => c < 0 || Math.abs(segs[k].at - starts[c]) > DRIFT) || new Set(cols).size !== cols.length) break;
    if (/^\s/.test(raw[j])) {
      if (rows.length < 2) break;
      const row = rows[rows.length - 1];
      segs.forEach((s, k) => (row[cols[k]].text += s.text));
      wrapped = true;
    } else {
      const row = starts.map(() => ({ text: '', line: lineOf(j) }));
      segs.forEach((s, k) => (row[cols[k]].text = s.text));
      rows.push(row);
    }
  }
  // Rows that never wrap are read by the plainer space-split rule.
  return wrapped && rows.length >= 3 ? { table: { kind: 'table', rows, line: lineOf(i) }, end: j } : null;
}
