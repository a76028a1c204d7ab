import type { Block, Cell, Line } from './blocks.js';
import { clean } from '../normalize/text.js';

const PIPE = /[|｜]/;
const SPACE_SPLIT = /\t|[ \u3000\u00a0]{2,}/;

function pipeCells(text: string): string[] | null {
  if ((text.match(/[|｜]/g) ?? []).length < 2) return null;
  const cells = text.replace(/^[|｜]/, '').replace(/[|｜]$/, '').split(PIPE).map(clean);
  return cells.length >= 3 ? cells : null;
}

function spaceCells(text: string): string[] | null {
  const cells = text.split(SPACE_SPLIT).map(clean).filter((c) => c !== '');
  return cells.length >= 3 ? cells : null;
}

const isRule = (cells: string[]) => cells.every((c) => /^:?-{2,}:?$/.test(c));

/**
 * Runs of consecutive lines that split the same way into the same number of cells become
 * a table: pipes need two such lines, space-separated columns three (prose rarely lines up
 * three times by accident).
 */
function collectTables(lines: Line[], split: (t: string) => string[] | null, minRows: number): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = split(lines[i].text);
    if (!first) {
      out.push(lines[i++]);
      continue;
    }
    const rows: Cell[][] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const cells = split(lines[j].text);
      const fits = (c: string[] | null) => c !== null && Math.abs(c.length - first.length) <= 1;
      if (!fits(cells)) {
        // A short line between rows (a section row such as 二、…) stays inside the table.
        const next = j + 1 < lines.length ? split(lines[j + 1].text) : null;
        if (rows.length > 0 && lines[j].text.length <= 40 && fits(next)) {
          rows.push([{ text: lines[j].text, line: lines[j].line }]);
          continue;
        }
        break;
      }
      if (isRule(cells!)) continue;
      rows.push(cells!.map((text) => ({ text, line: lines[j].line })));
    }
    if (rows.length >= minRows) {
      out.push({ kind: 'table', rows, line: lines[i].line });
      i = j;
    } else out.push(lines[i++]);
  }
  return out;
}

/** Scraped plain text: one block per non-empty line, with pipe or space-aligned rows as tables. */
export function readText(text: string): Block[] {
  const lines: Line[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const body = clean(raw);
    if (body !== '') lines.push({ kind: 'line', text: body, line: i + 1 });
    else if (/[\u00a0\u3000]/.test(raw)) lines.push({ kind: 'line', text: '', line: i + 1, placeholder: true });
  });
  // Lines of nothing but ideographic or no-break spaces are no text either.
  if (lines.every((l) => l.placeholder)) return [];
  const piped = collectTables(lines, pipeCells, 2);
  const out: Block[] = [];
  let run: Line[] = [];
  const flush = () => {
    // A loop, not push(...blocks): spreading 200,000 lines overflows the call stack.
    for (const b of collectTables(run, spaceCells, 3)) out.push(b);
    run = [];
  };
  for (const b of piped) {
    if (b.kind === 'line') run.push(b);
    else {
      flush();
      out.push(b);
    }
  }
  flush();
  return out;
}
