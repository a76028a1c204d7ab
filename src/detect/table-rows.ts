import type { ColumnRole } from './header.js';
import type { Cell } from '../read/blocks.js';
import type { RawTask, UnitSource } from './types.js';
import { assignRow, type Assigned } from './row.js';
import type { UnitRole } from '../model/schema.js';

/** A table row before normalization: its number, its cells, and the section rows above it. */
export type Row = { seq: string | null; cells: Cell[]; line: number; sections: string[] };

const UNIT_ROLE: Partial<Record<ColumnRole, UnitRole>> = {
  lead: 'lead', implementing: 'implementing', units: 'implementing', cooperating: 'cooperating',
};

const joined = (cells: Cell[]) => cells.map((c) => c.text).filter((t) => t.trim() !== '').join('\n');

/**
 * Rows to raw tasks. Merged category cells appear only on the first row they cover, so a
 * row's k category cells fill the innermost k levels and the outer levels carry over
 * from the rows above.
 */
export function rowsToTasks(rows: Row[], roles: ColumnRole[], align: boolean): { tasks: RawTask[]; dropped: Cell[] } {
  const fitted = rows.map((r) => (align ? assignRow(r.cells, roles) : { assigned: direct(r.cells, roles), dropped: [] }));
  // A reduce, not Math.max(...): spreading a table of 200,000 rows overflows the call stack.
  const depth = fitted.reduce((d, f) => Math.max(d, cellsOf(f.assigned, 'category').length), 0);
  const levels: (string | null)[] = new Array(depth).fill(null);
  const tasks: RawTask[] = [];
  const dropped: Cell[] = [];
  rows.forEach((row, r) => {
    const { assigned } = fitted[r];
    for (const c of fitted[r].dropped) dropped.push(c);
    const cats = cellsOf(assigned, 'category');
    cats.forEach((c, i) => {
      levels[depth - cats.length + i] = c.text.trim() === '' ? null : c.text;
    });
    const units: UnitSource[] = [];
    for (const { role, cells } of assigned) {
      const unitRole = UNIT_ROLE[role];
      const text = joined(cells);
      if (unitRole && text) units.push({ text, role: unitRole });
    }
    const text = joined(cellsOf(assigned, 'text'));
    if (!text && units.length === 0) return;
    const deadline = joined(cellsOf(assigned, 'deadline'));
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
  return { tasks, dropped };
}

function cellsOf(assigned: Assigned, role: ColumnRole): Cell[] {
  return assigned.filter((a) => a.role === role).flatMap((a) => a.cells);
}

function direct(cells: Cell[], roles: ColumnRole[]): Assigned {
  return roles.map((role, i) => ({ role, cells: cells[i] ? [cells[i]] : [] }));
}
