import { createRequire } from 'node:module';
import type { Options } from 'csv-parse/sync';
import type { Block, Cell, Line, Table } from './blocks.js';
import { clean, isSpaceCode } from '../normalize/text.js';
import { unitNotes } from '../normalize/units.js';
import { unwrap, isPageNumber } from './unwrap.js';
import { alignedTable } from './aligned.js';
import { gridTable, isGridRule } from './grid-table.js';

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
    const fits = (c: string[] | null) => c !== null && Math.abs(c.length - first.length) <= 1;
    let j = i;
    for (; j < lines.length; j++) {
      const cells = split(lines[j].text);
      if (!fits(cells)) {
        const next = j + 1 < lines.length ? split(lines[j + 1].text) : null;
        const cut = rows.length > 1 ? cutCell(rows[rows.length - 1]) : null;
        // The table goes on after the line: a row, or a section row (二、…) and then a row.
        const after = j + 2 < lines.length ? split(lines[j + 2].text) : null;
        const goesOn = fits(next) || (j + 1 < lines.length && lines[j + 1].text.length <= 40 && fits(after));
        if (cut && continues(lines[j].text, goesOn)) {
          cut.text += lines[j].text;
          continue;
        }
        // A short line between rows (a section row such as 二、…) stays inside the table.
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

/**
 * The cell of a row that a wrapped line continues: its longest, when that stops short of a
 * sentence's end ("…督促经营场所安装可燃气体" / "报警装置和紧急切断装置。"). Null for a
 * section row or a row whose cells all end their sentences.
 */
function cutCell(row: Cell[]): Cell | null {
  if (row.length < 2) return null;
  const longest = row.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  return /[。;；!！?？]$/.test(longest.text) ? null : longest;
}

/**
 * A line that carries on the cell above: not a heading, and the table goes on after it.
 * The sentence after a table's last row (各地各部门要…) is the notice's, not the row's.
 */
function continues(text: string, goesOn: boolean): boolean {
  return goesOn && !/^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/.test(text);
}

// The CSV parser loads only for text that holds tabs; a plain parse never pays for it.
const require = createRequire(import.meta.url);
type CsvParse = (input: string, options: Options) => unknown;
let csvParse: CsvParse | undefined;
const parseCsv: CsvParse = (input, options) => (csvParse ??= (require('csv-parse/sync') as { parse: CsvParse }).parse)(input, options);

/**
 * Rows pasted from a spreadsheet: cells between tabs, and a cell holding a line break
 * quoted over several lines as Excel writes it. Read with a CSV parser; null when the run
 * is no table.
 */
function tabTable(rawLines: string[], first: number): Table | null {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(rawLines.join('\n'), { delimiter: '\t', relax_quotes: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch {
    return null;
  }
  const rows: Cell[][] = records.map(({ record, info }) => {
    const breaks = record.join('').split('\n').length - 1;
    const line = first + info.lines - 1 - breaks;
    return record.map((text) => ({ text: clean(text), line }));
  });
  const wide = rows.filter((r) => r.filter((c) => c.text !== '').length >= 3).length;
  return wide >= 2 ? { kind: 'table', rows, line: first } : null;
}

/** Runs of raw lines that hold tabs, a quoted cell's line breaks included: [start, end). */
function tabRuns(raw: string[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < raw.length; i++) {
    if (!raw[i].includes('\t')) continue;
    let j = i;
    let quotes = 0;
    // A section row (一、…) between rows has no tab of its own but stays in the table.
    const inside = (k: number) => raw[k].includes('\t') || quotes % 2 === 1 || (raw[k].trim().length <= 40 && raw[k].trim() !== '' && raw[k + 1]?.includes('\t'));
    while (j < raw.length && inside(j)) quotes += (raw[j++].match(/"/g) ?? []).length;
    runs.push([i, j]);
    i = j - 1;
  }
  return runs;
}

const LONE_IDEOGRAPHIC = /\S\u3000\S/;

const headerLike = (line: string) => line.trim().split(/\u3000+/).every((c) => c.length <= 10 && !/[:：。，,；;]/.test(c));

/** Ideographic spaces after a line's first character: its indent does not count. */
function innerSpaces(line: string): number {
  if (!line.includes('\u3000') || line.includes('\t')) return 0;
  let n = 0;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x3000) n += started ? 1 : 0;
    else if (!started && !isSpaceCode(c)) started = true;
  }
  return n;
}

/**
 * Rows whose cells are joined by one ideographic space each ("1　推进…　市水务局　　每季度":
 * two in a row are an empty cell, one at the end an empty last cell): at least three lines
 * in a row with the same number (two or more) of ideographic spaces inside them, short
 * section rows between them allowed. Those spaces become tabs, so the rows read as a tab table.
 */
function ideographicTabs(raw: string[]): string[] {
  let out: string[] | null = null;
  for (let i = 0; i < raw.length; i++) {
    const k = innerSpaces(raw[i]);
    if (k < 2) continue;
    let j = i;
    let rows = 0;
    while (j < raw.length) {
      if (innerSpaces(raw[j]) === k) rows++;
      else if (raw[j].trim() === '' || raw[j].trim().length > 40 || innerSpaces(raw[j + 1] ?? '') !== k) break;
      j++;
    }
    // Cells set apart by two or more spaces each are the space-split table's, not these; and
    // a table opens on a header of short words (序号　工作任务　牵头单位), not on a sentence or
    // labelled values (牵头单位:X　配合单位:Y).
    if (rows >= 3 && raw.slice(i, j).some((l) => LONE_IDEOGRAPHIC.test(l)) && headerLike(raw[i])) {
      out ??= [...raw];
      for (let r = i; r < j; r++) {
        const lead = /^\s*/.exec(raw[r])![0];
        out[r] = lead + raw[r].slice(lead.length).replace(/\u3000/g, '\t');
      }
    }
    i = Math.max(i, j - 1);
  }
  return out ?? raw;
}

// A 公众号 article dresses its headings with symbols (■ 一、…, ▶ (一)…): typography, not text.
const BULLET = /^[■□◆◇▶►▷●○◎★☆▪•]\s*/;

const GUTTER = /^\s*(\d{1,6})(?:[ \t]{1,4}|\s*[|│:]\s?|$)/;

/**
 * Text copied out of a viewer that numbers its lines ("  12  序号"): when nearly every line
 * opens with its own line number, counting up one by one, those numbers are the viewer's,
 * not the text's, and go.
 */
function withoutGutter(lines: string[]): string[] {
  if (lines.length < 10 || !GUTTER.test(lines[0]) || !GUTTER.test(lines[1])) return lines;
  const offset = Number(GUTTER.exec(lines[0])![1]);
  let counted = 0;
  for (let i = 0; i < lines.length; i++) if (Number(GUTTER.exec(lines[i])?.[1] ?? NaN) === i + offset) counted++;
  if (counted < lines.length * 0.9) return lines;
  return lines.map((l, i) => {
    const m = GUTTER.exec(l);
    return m && Number(m[1]) === i + offset ? l.slice(m[0].length) : l;
  });
}

/** Scraped plain text: one block per non-empty line, with tab, pipe or space-aligned rows as tables. */
export function readText(text: string): Block[] {
  const split = withoutGutter(text.split(/\r\n|\r|\n/));
  const unwrapped = unwrap(split);
  const raw = unwrapped ? unwrapped.map((l) => l.text) : split;
  const lineOf = (i: number) => (unwrapped ? unwrapped[i].line : i + 1);
  const tables = new Map<number, { end: number; table: Table }>();
  const tabbed = ideographicTabs(raw);
  for (const [start, end] of tabRuns(tabbed)) {
    const table = tabTable(tabbed.slice(start, end), lineOf(start));
    if (table) tables.set(start, { end, table });
  }
  const lines: (Line | Table)[] = [];
  let paged = false;
  // A sign the notice says marks lead units (注:标注★的为牵头单位) is no bullet.
  const mark = unitNotes(text).leadMark;
  for (let i = 0; i < raw.length; i++) {
    if (!tables.has(i) && isGridRule(raw[i])) {
      const grid = gridTable(raw, i, lineOf);
      if (grid) tables.set(i, grid);
    }
    if (!tables.has(i) && raw[i].includes('  ')) {
      const aligned = alignedTable(raw, i, lineOf);
      if (aligned) tables.set(i, aligned);
    }
    const tab = tables.get(i);
    if (tab) {
      lines.push(tab.table);
      i = tab.end - 1;
      continue;
    }
    if (isPageNumber(raw[i])) {
      paged = true;
      continue;
    }
    const body = clean(raw[i]).replace(BULLET, (m) => (m.trim() === mark ? m : ''));
    if (body !== '') {
      const line: Line = { kind: 'line', text: body, line: lineOf(i) };
      if (paged || unwrapped?.[i].pageBreak) [line.pageBreak, paged] = [true, false];
      lines.push(line);
    }
    else if (/[\u00a0\u3000]/.test(raw[i])) lines.push({ kind: 'line', text: '', line: lineOf(i), placeholder: true });
  }
  // Lines of nothing but ideographic or no-break spaces are no text either.
  if (lines.every((l) => l.kind === 'line' && l.placeholder)) return [];
  const piped: Block[] = [];
  forRuns(lines, (run) => collectTables(run, pipeCells, 2), piped);
  const out: Block[] = [];
  forRuns(piped, (run) => collectTables(run, spaceCells, 3), out);
  return out;
}

/** Applies `tables` to each run of plain lines between the tables already found. */
function forRuns(blocks: Block[], tables: (run: Line[]) => Block[], out: Block[]): void {
  let run: Line[] = [];
  const flush = () => {
    // A loop, not push(...blocks): spreading 200,000 lines overflows the call stack.
    for (const b of tables(run)) out.push(b);
    run = [];
  };
  for (const b of blocks) {
    if (b.kind === 'line') run.push(b);
    else {
      flush();
      out.push(b);
    }
  }
  flush();
}
