import type { ColumnRole } from './header.js';
import type { Cell } from '../read/blocks.js';
import type { RawTask, UnitSource } from './types.js';
import { assignRow, cellShape, type Assigned } from './row.js';
import type { Diagnostic, UnitRole } from '../model/schema.js';

/** A table row before normalization: its number, its cells, and the section rows above it. */
export type Row = { seq: string | null; cells: Cell[]; line: number; sections: string[] };

const UNIT_ROLE: Partial<Record<ColumnRole, UnitRole>> = {
  lead: 'lead', implementing: 'implementing', units: 'implementing', cooperating: 'cooperating',
};

const joined = (cells: Cell[]) => cells.map((c) => c.text).filter((t) => t.trim() !== '').join('\n');

/**
 * Rows to raw tasks. Merged category cells appear only on the first row they cover, so a
 * row's k category cells fill the innermost k levels and the outer levels carry over
 * from the rows above. A blank category cell ends its level, unless blankCarries says the
 * table's blanks stand for merged cells. `trailing` is what the last row left out: the
 * lines after a flattened table (a signature, a date) that its last row ran into.
 */
export function rowsToTasks(
  rows: Row[],
  roles: ColumnRole[],
  { align, blankCarries = false }: { align: boolean; blankCarries?: boolean },
): { tasks: RawTask[]; diagnostics: Diagnostic[]; trailing: Cell[] } {
  if (align) rows = rows.flatMap((r) => measureRows(r, roles));
  const fitted = rows.map((r) => (align ? assignRow(r.cells, roles) : { assigned: direct(r.cells, roles), dropped: r.cells.slice(roles.length) }));
  // A reduce, not Math.max(...): spreading a table of 200,000 rows overflows the call stack.
  const depth = fitted.reduce((d, f) => Math.max(d, cellsOf(f.assigned, 'category').length), 0);
  const levels: (string | null)[] = new Array(depth).fill(null);
  const tasks: RawTask[] = [];
  const diagnostics: Diagnostic[] = [];
  const whole = wholeTableDeadline(fitted.map((f) => joined(cellsOf(f.assigned, 'deadline')).replace(PLACEHOLDER, '')));
  rows.forEach((row, r) => {
    const { assigned } = fitted[r];
    const later = laterMilestones(fitted[r].dropped, roles);
    const dropped = later ? [] : fitted[r].dropped;
    if (dropped.some((c) => c.text.trim() !== '')) diagnostics.push(leftOut(row, dropped));
    const cats = cellsOf(assigned, 'category');
    cats.forEach((c, i) => {
      if (c.text.trim() !== '') levels[depth - cats.length + i] = c.text;
      else if (!blankCarries) levels[depth - cats.length + i] = null;
    });
    const units: UnitSource[] = [];
    for (const { role, cells } of assigned) {
      const unitRole = UNIT_ROLE[role];
      const text = joined(cells);
      if (unitRole && text) units.push({ text, role: unitRole });
    }
    // "地区生产总值增速 6%以上": an indicator and its target read as one task.
    const target = joined(cellsOf(assigned, 'target'));
    const text = [joined(cellsOf(assigned, 'text')), target].filter((t) => t !== '').join(' ');
    if (!text && units.length === 0) return;
    const own = joined([...cellsOf(assigned, 'deadline'), ...(later ?? [])]);
    const deadline = whole && own.replace(PLACEHOLDER, '') === '' ? whole : own;
    tasks.push({
      seq: row.seq,
      sections: [...row.sections, ...levels.filter((l): l is string => l !== null)],
      title: null,
      text,
      units,
      deadlines: deadline ? [deadline] : [],
      line: row.line,
    });
  });
  const last = fitted[fitted.length - 1];
  const trailing = last && !laterMilestones(last.dropped, roles) ? last.dropped : [];
  return { tasks, diagnostics, trailing };
}

/**
 * "1 / 目标 / 措施 / 牵头 / 配合 / 时限 / 措施 / 牵头 / 配合 / 时限": a 序号 and a goal merged over
 * several measures print once, and each measure's cells follow the last one's deadline.
 * Where the deadline is the last column, a sentence after a deadline cell opens the next
 * measure: a task of its own under the same number.
 */
function measureRows(row: Row, roles: ColumnRole[]): Row[] {
  if (roles[roles.length - 1] !== 'deadline' || row.cells.length < roles.length + 3) return [row];
  const out: Row[] = [{ ...row, cells: [] }];
  row.cells.forEach((c, k) => {
    if (k > 0 && cellShape(row.cells[k - 1]) === 'deadline' && cellShape(c) === 'body' && k < row.cells.length - 1) out.push({ ...row, cells: [], line: c.line });
    out[out.length - 1].cells.push(c);
  });
  return out;
}

/**
 * One deadline cell merged down the whole table prints once, on the first row: when only
 * the first of three or more rows has one, it is every row's.
 */
// A cell that says it is empty: 无, /, —.
const PLACEHOLDER = /^\s*(?:无|暂无|\/|—+|-+)\s*$/;

function wholeTableDeadline(deadlines: string[]): string {
  return deadlines.length >= 3 && deadlines[0] !== '' && deadlines.slice(1).every((d) => d === '') ? deadlines[0] : '';
}

/**
 * A task run over several milestones, flattened with its merged cells printed once: after
 * its last column come more (时间节点, 阶段目标) pairs. Their dates are the task's later
 * deadlines; null unless every pair opens with a date under a header that pairs them.
 */
function laterMilestones(dropped: Cell[], roles: ColumnRole[]): Cell[] | null {
  const d = roles.indexOf('deadline');
  if (d < 0 || roles[d + 1] !== 'note' || dropped.length === 0 || dropped.length % 2 !== 0) return null;
  const dates = dropped.filter((_, k) => k % 2 === 0);
  return dates.every((c) => cellShape(c) === 'deadline') ? dates : null;
}

function leftOut(row: Row, cells: Cell[]): Diagnostic {
  const text = joined(cells).replace(/\s+/g, ' ');
  return {
    severity: 'warning',
    code: 'row-cells',
    message: `row ${row.seq ?? `at line ${row.line}`}: ${cells.length} cell(s) fit no column of the header and were left out: "${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`,
    line: cells[0].line,
  };
}

function cellsOf(assigned: Assigned, role: ColumnRole): Cell[] {
  return assigned.filter((a) => a.role === role).flatMap((a) => a.cells);
}

function direct(cells: Cell[], roles: ColumnRole[]): Assigned {
  return roles.map((role, i) => ({ role, cells: cells[i] ? [cells[i]] : [] }));
}
