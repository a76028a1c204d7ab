import { stringify } from 'csv-stringify/sync';
import type { Deadline, Notice } from '../model/schema.js';
import type { Writer } from './index.js';

export const CSV_COLUMNS = [
  'file', 'list_title', 'id', 'seq', 'sections', 'title', 'text', 'lead', 'implementing', 'deadline_raw', 'deadline_kind', 'deadline_due', 'line',
] as const;

type Cell = string | number;

// Excel and LibreOffice run a cell that starts with one of these as a formula (CSV injection);
// a leading apostrophe makes them show it as text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralize(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Milestones by due date, earliest first, undated ones last in their printed order. */
export function byDue(deadlines: Deadline[]): Deadline[] {
  return deadlines
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      if (a.d.due === b.d.due) return a.i - b.i;
      if (a.d.due === null) return 1;
      if (b.d.due === null) return -1;
      return a.d.due < b.d.due ? -1 : 1;
    })
    .map(({ d }) => d);
}

/** One row per task, cells in CSV_COLUMNS order, already neutralized. */
export function csvRows(notice: Notice): Cell[][] {
  const file = notice.source.path ?? '';
  const rows: Cell[][] = [];
  for (const list of notice.lists) {
    for (const task of list.tasks) {
      const deadlines = byDue(task.deadlines);
      const cells: Cell[] = [
        file,
        list.title ?? '',
        task.id,
        task.seq ?? '',
        task.sections.join(' > '),
        task.title ?? '',
        task.text,
        task.lead.join(';'),
        task.implementing.join(';'),
        deadlines.map((d) => d.raw).join(';'),
        deadlines.map((d) => d.kind).join(';'),
        deadlines.map((d) => d.due ?? '').join(';'),
        task.line ?? '',
      ];
      rows.push(cells.map((c) => (typeof c === 'string' ? neutralize(c) : c)));
    }
  }
  return rows;
}

/** RFC 4180 records (CRLF line ends, quotes only where needed). */
export function csvRecords(rows: Cell[][], opts: { header?: boolean; bom?: boolean } = {}): string {
  const body = stringify(rows, { record_delimiter: 'windows' });
  const header = opts.header === false ? '' : stringify([[...CSV_COLUMNS]], { record_delimiter: 'windows' });
  return (opts.bom ? '\ufeff' : '') + header + body;
}

export const csvWriter: Writer = {
  name: 'csv',
  extension: '.csv',
  write: (notices, opts) => csvRecords(notices.flatMap(csvRows), { bom: opts?.bom }),
};
