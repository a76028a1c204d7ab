import type { Block, Cell, Line } from '../read/blocks.js';
import type { RawList } from './types.js';
import { columnRole, headerRoles, unspan, type ColumnRole } from './header.js';
import { seqCell, decimalCell } from './numbering.js';
import { SectionStack, sectionRank, CHROME, TABLE_NOTE, isListTitle } from './sections.js';
import { foldWidth } from '../normalize/text.js';
import { rowsToTasks, type Row } from './table-rows.js';
import { cellShape, shapeOf } from './row.js';
import { joinColumnWraps } from './column-wrap.js';

type Header = { start: number; end: number; columns: string[]; roles: ColumnRole[] };

const MAX_HEADER = 10;

/** Runs of short lines that read as column headers, e.g. 序号 / 工作任务 / 责任单位 / 完成时限. */
function findHeaders(lines: Line[]): Header[] {
  const out: Header[] = [];
  for (let i = 0; i < lines.length; i++) {
    let best: Header | null = null;
    for (let k = 2; k <= MAX_HEADER && i + k <= lines.length; k++) {
      const slice = lines.slice(i, i + k);
      if (slice.some((l) => l.placeholder || l.text.replace(/\s/g, '').length > 12 || columnRole(l.text) === null)) break;
      const columns = joinSplitHeaders(slice.map((l) => l.text));
      const roles = headerRoles(columns);
      if (roles) best = { start: i, end: i + k, columns, roles };
    }
    // A list title's last line ("…重点任务分工") reads as a column word, but opens no header.
    if (best && isListTitle(lines[i].text)) continue;
    if (best) {
      out.push(best);
      i = best.end - 1;
    }
  }
  return out;
}

/** A header cell broken over two lines, "牵头" / "单位": one column, 牵头单位. */
function joinSplitHeaders(texts: string[]): string[] {
  const out: string[] = [];
  for (const t of texts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /^(单位|部门)$/.test(t.trim()) && /^(牵头|配合|协同|协办|责任|主办|参与|落实)$/.test(prev.trim())) out[out.length - 1] = prev.trim() + t.trim();
    else out.push(t);
  }
  return out;
}

// "附件2" alone on its line: the next attachment begins, whatever table it holds.
const ATTACHMENT_LABEL = /^\s*附件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[:：]?\s*$/;
// "某市人民政府办公室　　2022年3月29日印发": the document's imprint, after its last table.
const IMPRINT = /\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发\s*$/;

/** A line no table row runs into: page chrome, a note under the table, the next attachment, the imprint. */
const endsRows = (text: string) => CHROME.test(text) || TABLE_NOTE.test(text) || ATTACHMENT_LABEL.test(text) || IMPRINT.test(text);

/**
 * A table flattened to one cell per line: a header, then rows that each open with a bare
 * number, with section rows (一、… (一)…) between them.
 */
export function detectCellStream(blocks: Block[]): RawList[] {
  const all = blocks.filter((b): b is Line => b.kind === 'line');
  const { headers, lines } = withoutRepeatedHeaders(all, findHeaders(all));
  // Only a paged document breaks its cells' lines at a column's edge.
  const paged = all.some((l) => l.pageBreak);
  const lists: RawList[] = [];
  headers.forEach((h, hi) => {
    const { title, titleAt } = titleAbove(lines, h.start);
    const next = headers[hi + 1];
    let stop = next ? next.start : lines.length;
    if (next && next.start - 1 > h.end && isListTitle(lines[next.start - 1].text)) stop = next.start - 1;
    const region = lines.slice(h.end, stop);
    const roles = withTextColumn(unspan(h.roles).filter((r) => r !== 'seq'));
    let { rows, last } = collectRows(region, Math.max(0, h.roles.indexOf('seq')), roles.length);
    if (rows.length < 2 && !h.roles.includes('seq')) ({ rows, last } = collectUnnumberedRows(region, roles[roles.length - 1]));
    if (rows.length < 2) return;
    const { tasks, diagnostics, trailing } = rowsToTasks(paged ? joinColumnWraps(rows) : rows, roles, { align: true, blankCarries: true });
    lists.push({
      title,
      layout: 'cell-stream',
      columns: h.columns,
      tasks,
      from: lines[title ? titleAt : h.start].line,
      // The signature under the table is not the table's, so the meta reader sees it.
      to: trailing.length > 0 ? Math.min(last, trailing[0].line - 1) : last,
      diagnostics,
    });
  });
  return lists;
}

/**
 * The list title on the line above a header, or over the two lines above it when a long
 * title wraps ("某市2021年黄海湿地世界自然遗产保护" / "重点任务分工").
 */
function titleAbove(lines: Line[], start: number): { title: string | null; titleAt: number } {
  const at = start - 1;
  if (at < 0 || !isListTitle(lines[at].text)) return { title: null, titleAt: at };
  // Only a tail short of the title's own year and place ("重点任务分工") wraps from the line
  // above; that line names the year and is no date, bracket or sentence.
  const cur = lines[at].text.trim();
  const prev = at > 0 ? foldWidth(lines[at - 1].text.trim()) : '';
  const wrapped = cur.length <= 12 && !/\d{4}/.test(cur) && /(?:19|20)\d{2}年/.test(prev) && !/[。;,:()]|日$/.test(prev) && !isListTitle(prev);
  return wrapped ? { title: lines[at - 1].text.trim() + cur, titleAt: at - 1 } : { title: lines[at].text, titleAt: at };
}

/**
 * A table that runs over pages prints its header again at the top of each: a header with
 * the same columns as the one before, with no list title above it and no row 1 below it,
 * continues that table, and its lines are dropped so the row it cut in two joins up.
 */
function withoutRepeatedHeaders(lines: Line[], found: Header[]): { headers: Header[]; lines: Line[] } {
  const drop = new Set<number>();
  let prev: Header | null = null;
  for (const h of found) {
    const same = prev !== null && h.columns.length === prev.columns.length && h.columns.every((c, k) => c.trim() === prev!.columns[k].trim());
    const titled = h.start > 0 && isListTitle(lines[h.start - 1].text);
    const first = lines[h.end] && seqCell(lines[h.end].text);
    if (same && !titled && first !== 1) for (let k = h.start; k < h.end; k++) drop.add(k);
    else prev = h;
  }
  if (drop.size === 0) return { headers: found, lines };
  const kept = lines.filter((_, k) => !drop.has(k));
  return { headers: findHeaders(kept), lines: kept };
}

/**
 * A header may name no task column at all (序号 / 责任单位 / 时间进度) while every row still
 * opens with the task text: the text column is then the one after the categories.
 */
function withTextColumn(roles: ColumnRole[]): ColumnRole[] {
  if (roles.includes('text')) return roles;
  const at = roles.findIndex((r) => r !== 'category');
  const i = at === -1 ? roles.length : at;
  return [...roles.slice(0, i), 'text', ...roles.slice(i)];
}

/**
 * Rows by their numbers. `before` header columns stand left of 序号 (类别 / 序号 / …): each
 * row prints those cells before its number, so they are taken back from the row above,
 * from what it holds beyond the `width` cells a row has.
 */
function collectRows(region: Line[], before: number, width: number): { rows: Row[]; last: number } {
  const stack = new SectionStack();
  const rows: Row[] = [];
  let row: Row | null = null;
  const ahead: Cell[] = [];
  // How many of a row's cells it was handed from the row above: the rest are its own.
  const carriedInto = new Map<Row, number>();
  // Rows numbered 一 二 三 may hold sub-rows (一)(二)(三): each numbering counts on its own.
  const prev = { outer: 0, nested: 0 };
  let prevSeq = 0;
  let last = region[0]?.line ?? 0;
  // A short line before any row is a heading over the rows; an empty cell is none.
  const heading = (l: { text: string }) => {
    if (l.text.trim() !== '' && l.text.length <= 60) stack.push(l.text, 1);
  };
  for (const l of region) {
    if (!l.placeholder && endsRows(l.text)) break;
    const dec = l.placeholder ? null : decimalCell(l.text);
    if (dec && dec.outer === prev.outer && (dec.inner === 1 || dec.inner === prev.nested + 1)) {
      // "1 / 优化企业开办服务" over rows 1.1, 1.2: a category row, not a task.
      if (dec.inner === 1 && row && rows[rows.length - 1] === row && headingOnly(row)) {
        rows.pop();
        stack.push(row.cells.map((c) => c.text).join(''), SUB_ROWS);
      }
      row = { seq: dec.label, cells: [], line: l.line, sections: stack.all() };
      rows.push(row);
      prev.nested = dec.inner;
      last = l.line;
      continue;
    }
    const n = l.placeholder ? null : seqCell(l.text);
    const level = /^[(\[【〔]/.test(foldWidth(l.text).trim()) ? 'nested' : 'outer';
    if (n !== null && (n === prev[level] + 1 || n === 1 || row === null)) {
      if (level === 'outer') stack.drop(SUB_ROWS);
      else if (n === 1 && row && rows[rows.length - 1] === row && headingOnly(row)) {
        // "六 / 办好为民办实事项目" over sub-rows (一)(二)(三): a heading, not a task.
        rows.pop();
        stack.push(row.cells.map((c) => c.text).join(''), SUB_ROWS);
      }
      const own = row ? row.cells.length - (carriedInto.get(row) ?? 0) : 0;
      const carried: Cell[] = row ? row.cells.splice(Math.max(row.cells.length - own + width - before, row.cells.length - before)) : ahead.splice(0);
      row = { seq: String(n), cells: carried, line: l.line, sections: stack.all() };
      carriedInto.set(row, carried.length);
      rows.push(row);
      prev[level] = n;
      if (level === 'outer') prev.nested = 0;
      prevSeq = n;
      last = l.line;
      continue;
    }
    const joined = l.placeholder ? null : seqThenCell(l.text, prevSeq);
    if (joined) {
      row = { seq: String(joined.n), cells: [{ text: joined.rest, line: l.line }], line: l.line, sections: stack.all() };
      rows.push(row);
      prevSeq = joined.n;
      last = l.line;
      continue;
    }
    const rank = l.placeholder ? null : sectionRank(l.text);
    if (rank !== null && l.text.length <= 60 && (row === null || hasBody(row.cells))) {
      stack.push(l.text, rank);
      row = null;
      continue;
    }
    if (row) {
      row.cells.push({ text: l.text, line: l.line } satisfies Cell);
      last = l.line;
    } else if (before > 0) {
      ahead.push({ text: l.text, line: l.line });
      while (ahead.length > before) heading(ahead.shift()!);
    } else heading(l);
  }
  return { rows, last };
}


// Rank of a heading row over sub-rows: deeper than any numbered section.
const SUB_ROWS = 9;

/** A row of one short title cell: no units, no deadline, no sentence. */
function headingOnly(row: Row): boolean {
  const cells = row.cells.filter((c) => c.text.trim() !== '');
  return cells.length === 1 && cellShape(cells[0]) === 'short';
}

/**
 * Rows of a table printed without a 序号 column. No number marks where a row starts, so a
 * row ends with its last column's cell (a deadline or a unit cell) when the next line is
 * of another shape.
 */
function collectUnnumberedRows(region: Line[], lastRole: ColumnRole): { rows: Row[]; last: number } {
  const closing = (l: Line | undefined) => {
    if (!l || l.placeholder) return false;
    const shape = shapeOf(l.text);
    return lastRole === 'deadline' ? shape === 'deadline' : shape === 'units';
  };
  const stack = new SectionStack();
  const rows: Row[] = [];
  let row: Row | null = null;
  let last = region[0]?.line ?? 0;
  region.every((l, i) => {
    if (!l.placeholder && endsRows(l.text)) return false;
    const rank = l.placeholder ? null : sectionRank(l.text);
    if (rank !== null && l.text.length <= 60 && row === null) {
      stack.push(l.text, rank);
      return true;
    }
    if (!row) {
      row = { seq: null, cells: [], line: l.line, sections: stack.all() };
      rows.push(row);
    }
    row.cells.push({ text: l.text, line: l.line });
    last = l.line;
    if (closing(l) && hasText(row.cells) && !closing(region[i + 1])) row = null;
    return true;
  });
  return { rows, last };
}

const hasText = (cells: Cell[]) => cells.some((c) => ['body', 'short'].includes(cellShape(c)));

/**
 * "3 推进本级依申请的…": a scrape that kept the number and the first cell on one line. Only
 * the next number in sequence counts, so a cell that happens to open with digits does not.
 */
function seqThenCell(text: string, prevSeq: number): { n: number; rest: string } | null {
  const m = /^(\d{1,3})[\s.、．]+(?=\S)/.exec(text);
  if (!m || Number(m[1]) !== prevSeq + 1) return null;
  return { n: prevSeq + 1, rest: text.slice(m[0].length) };
}

// A row has its text once a cell reads as a sentence or it has reached its deadline (the
// deadline column comes after the text): a section row can follow only then.
const hasBody = (cells: Cell[]) => cells.some((c) => cellShape(c) === 'body' || cellShape(c) === 'deadline');
