import type { Block, Cell, Table } from '../read/blocks.js';
import type { RawList } from './types.js';
import { columnRole, headerRoles, type ColumnRole } from './header.js';
import { seqCell, decimalCell } from './numbering.js';
import { SectionStack, sectionRank, isListTitle } from './sections.js';
import { rowsToTasks, type Row } from './table-rows.js';

const HEADER_SEARCH = 3;

/**
 * A real table (HTML, Markdown, DOCX, pipe- or space-aligned text) whose header names a
 * unit column. Readers have already expanded merged cells into the full grid.
 */
export function detectGrids(blocks: Block[]): RawList[] {
  const lists: RawList[] = [];
  // Numbered headings printed between a list's title and its tables ("### 一、…" over each of
  // several tables) enclose the tasks of the tables below them.
  const headings = new SectionStack();
  // The table just read, while nothing but blank lines follows it.
  let last: { list: RawList; stack: SectionStack } | null = null;
  blocks.forEach((b, bi) => {
    if (b.kind === 'line') {
      if (!b.placeholder) last = null;
      const rank = sectionRank(b.text);
      if (isListTitle(b.text)) headings.reset();
      else if (rank !== null && b.text.length <= 60) headings.push(b.text, rank);
      return;
    }
    // A table that a page break cut in two prints its header again on the next page: the
    // rows under it go on with the list above, under the section row they were in.
    const prev: { list: RawList; stack: SectionStack } | null = last;
    const title = titleBefore(blocks, bi);
    const goesOn = prev !== null && title === null && b.rows.slice(0, HEADER_SEARCH).some((r) => sameColumns(r.map((c) => c.text), prev.list.columns));
    const stack = goesOn ? prev.stack : new SectionStack();
    const list = gridList(b, title, headings.all(), stack);
    if (list && goesOn) {
      for (const t of list.tasks) prev.list.tasks.push(t);
      prev.list.diagnostics = [...(prev.list.diagnostics ?? []), ...(list.diagnostics ?? [])];
      prev.list.to = list.to;
      return;
    }
    last = list && { list, stack };
    if (list) lists.push(list);
  });
  return lists;
}

function titleBefore(blocks: Block[], i: number): string | null {
  const prev = blocks[i - 1];
  return prev && prev.kind === 'line' && isListTitle(prev.text) ? prev.text : null;
}

/**
 * A two-row header: 责任单位 spanning 牵头单位 | 配合单位 below it. The second row names the
 * columns the first row's merged cell covers; null when the row is data, not header.
 */
function subHeader(row: Cell[] | undefined, roles: ColumnRole[], header: string[]): ColumnRole[] | null {
  if (!row || row.some((c) => seqCell(c.text) !== null)) return null;
  const named = row.map((c) => (c.text.trim() ? columnRole(c.text) : null));
  if (!named.some((r) => r === 'lead' || r === 'cooperating' || r === 'implementing')) return null;
  if (row.some((c, i) => c.text.trim() !== '' && named[i] === null)) return null;
  // A header cell merged down over both rows (类别, 序号) repeats in the second: it keeps
  // the role the whole header gave it.
  return roles.map((r, i) => (row[i].text.trim() === header[i] ? r : named[i] ?? r));
}

const sameColumns = (a: string[], b: string[]) => a.length === b.length && a.every((c, i) => c.replace(/\s/g, '') === b[i].replace(/\s/g, ''));


function gridList(table: Table, title: string | null, above: string[], stack: SectionStack): RawList | null {
  let h = -1;
  let roles: ColumnRole[] | null = null;
  for (let r = 0; r < Math.min(HEADER_SEARCH, table.rows.length) && !roles; r++) {
    roles = headerRoles(namedHeader(table, r));
    h = r;
  }
  if (!roles) return null;
  const header = table.rows[h].map((c) => c.text.trim());
  const sub = subHeader(table.rows[h + 1], roles, header);
  if (sub) roles = sub;
  const periods = sub ? null : periodColumns(table.rows[h], table.rows[h + 1], roles);
  const seqCol = roles.indexOf('seq');
  const textCol = roles.indexOf('text');
  const rows: Row[] = [];
  let aligned = true;
  for (const printed of table.rows.slice(h + (sub || periods ? 2 : 1))) {
    const seqText = seqCol >= 0 ? printed[seqCol]?.text ?? '' : '';
    const heading = sectionRow(printed, seqCol);
    if (heading) {
      stack.push(heading, sectionRank(heading) ?? 1);
      continue;
    }
    const cells = withoutAcrossCopies(periods ? lastMarkedPeriod(printed, periods) : printed, roles);
    // A 序号 merged down over sub-rows: each sub-row adds a milestone to the same task, unless
    // it prints a task text of its own (目标任务 and 序号 merged over the measures under them).
    const prevRow = rows[rows.length - 1];
    const ownText = textCol >= 0 && !printed[textCol]?.spanned && (printed[textCol]?.text.trim() ?? '') !== '';
    if (seqCol >= 0 && printed[seqCol]?.spanned && seqText.trim() !== '' && prevRow && !periods && !ownText) {
      cells.filter((_, i) => i !== seqCol).forEach((c, k) => {
        if (!c.spanned && c.text.trim() !== '' && prevRow.cells[k]) prevRow.cells[k] = { ...prevRow.cells[k], text: `${prevRow.cells[k].text}\n${c.text}` };
      });
      continue;
    }
    // 合计 / 总计: a total of the figures above, not a task.
    if (/^(?:合计|总计|小计)$/.test(cells.find((c) => c.text.trim() !== '')?.text.trim() ?? '')) continue;
    const n = seqCell(seqText) ?? (seqCol < 0 ? seqCell(cells[0]?.text ?? '') : null);
    const rest = cells.filter((_, i) => i !== seqCol && !(seqCol < 0 && i === 0 && n !== null));
    if (cells.length !== header.length) aligned = false;
    const seq = n === null ? decimalCell(seqText)?.label ?? null : String(n);
    rows.push({ seq, cells: rest, line: cells[0]?.line ?? table.line, sections: [...above, ...stack.all()] });
  }
  const dataRoles = roles.filter((_, i) => i !== seqCol);
  // A scraper that drops merged cells leaves the rows a category spans blank below its first.
  const { tasks, diagnostics } = rowsToTasks(rows, dataRoles, { align: !aligned, blankCarries: true });
  if (tasks.length === 0) return null;
  const last = table.rows[table.rows.length - 1];
  return { title, layout: 'grid', columns: header, tasks, from: table.line, to: last[0]?.line ?? table.line, diagnostics };
}

const PERIOD = /^(?:第?[一二三四1-4]季度|[一二三四五六七八九十]{1,2}月份?|\d{1,2}月份?|上半年|下半年)$/;

/**
 * A schedule header: 进度安排 spanning 一季度 | 二季度 | 三季度 | 四季度, each row marking (√ or a
 * milestone) the periods its work falls in. The period columns by index, or null.
 */
function periodColumns(header: Cell[], row: Cell[] | undefined, roles: ColumnRole[]): Map<number, string> | null {
  if (!row) return null;
  const periods = new Map<number, string>();
  for (const [i, c] of row.entries()) {
    const t = c.text.replace(/\s/g, '');
    if (roles[i] === 'deadline' && PERIOD.test(t)) periods.set(i, t);
    else if (t !== '' && t !== header[i]?.text.replace(/\s/g, '')) return null;
  }
  return periods.size >= 2 ? periods : null;
}

/** The row with its period cells folded into one deadline: the last period it marks. */
function lastMarkedPeriod(cells: Cell[], periods: Map<number, string>): Cell[] {
  const marked = [...periods.keys()].filter((i) => (cells[i]?.text.trim() ?? '') !== '');
  const last = marked[marked.length - 1];
  return cells.map((c, i) => (!periods.has(i) ? c : { ...c, text: i === last ? periods.get(i)! : '' }));
}

/**
 * A section row: one text merged across the row (一、开办企业), or a Chinese numeral in the
 * 序号 cell beside one merged text (一 | 开办企业), which reads as 一、开办企业.
 */
function sectionRow(cells: Cell[], seqCol: number): string | null {
  const distinct = new Set(cells.map((c) => c.text.trim()).filter(Boolean));
  const only = [...distinct][0];
  if (distinct.size === 1 && only !== undefined && (sectionRank(only) !== null || cells.length > 2)) return only;
  const seq = seqCol >= 0 ? cells[seqCol]?.text.trim() ?? '' : '';
  if (!/^[一二三四五六七八九十]+$/.test(seq)) return null;
  const rest = new Set(cells.filter((_, i) => i !== seqCol).map((c) => c.text.trim()).filter(Boolean));
  const text = [...rest][0];
  return rest.size === 1 && text !== undefined && cells.length > 2 ? `${seq}、${text}` : null;
}

/**
 * Header texts with blank header cells named by what their column holds. Converted and
 * hand-made tables often leave the cell over the numbers, or over a merged header's
 * tail, empty: numbers read as 序号, prose as 内容 (a category or the task text), an
 * empty column as 备注 (ignored).
 */
function namedHeader(table: Table, h: number): string[] {
  const body = table.rows.slice(h + 1);
  return table.rows[h].map((c, col) => {
    if (c.text.trim() !== '') return c.text.trim();
    const texts = body.map((row) => row[col]?.text.trim() ?? '').filter(Boolean);
    if (texts.length === 0) return '备注';
    return texts.filter((t) => seqCell(t) !== null).length * 2 > texts.length ? '序号' : '内容';
  });
}


const UNIT_COLUMNS = new Set<ColumnRole>(['lead', 'implementing', 'cooperating', 'units']);

/**
 * A unit cell merged across 牵头单位 and 配合单位 names its units once, in the column it
 * starts in: its copy in the next unit column is blank.
 */
function withoutAcrossCopies(cells: Cell[], roles: ColumnRole[]): Cell[] {
  if (!cells.some((c) => c.across)) return cells;
  return cells.map((c, i) => (c.across && UNIT_COLUMNS.has(roles[i]) && UNIT_COLUMNS.has(roles[i - 1]) ? { ...c, text: '' } : c));
}
