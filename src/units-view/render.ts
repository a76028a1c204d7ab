import { stringify } from 'csv-stringify/sync';
import type { UnitEntry } from '../model/unit-view.js';
import { neutralize } from '../write/csv.js';

const ROLE: Record<string, string> = { lead: '牵头', implementing: '落实', cooperating: '配合' };
const HEADERS = ['unit', 'role', 'due', 'deadline', 'seq', 'task', 'notice', 'file'];

function rows(entries: UnitEntry[]): string[][] {
  return entries.flatMap((e) =>
    e.tasks.map((t) => [e.unit, ROLE[t.role], t.due ?? '', t.deadlines.map((d) => d.raw).join(';'), t.seq ?? '', t.text, t.notice ?? '', t.file ?? '']),
  );
}

export function unitsCsv(entries: UnitEntry[]): string {
  return stringify([HEADERS, ...rows(entries).map((r) => r.map(neutralize))]);
}

export function unitsJson(entries: UnitEntry[]): string {
  return JSON.stringify(entries, null, 2) + '\n';
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** For a terminal: one block per unit, its tasks by due date. */
export function unitsTable(entries: UnitEntry[]): string {
  const out: string[] = [];
  for (const e of entries) {
    const also = e.names.filter((n) => n !== e.unit);
    out.push(`${e.unit}${also.length ? ` (${also.join(', ')})` : ''}: leads ${e.leads}, implements ${e.implements}`);
    for (const t of e.tasks) out.push(`  ${(t.due ?? '—').padEnd(10)}  ${ROLE[t.role]}  ${(t.seq ?? '').padStart(3)}  ${clip(t.text.replace(/\s+/g, ' '), 60)}`);
    out.push('');
  }
  return out.join('\n');
}

/** Markdown: a section per unit with a GFM table of its tasks. */
export async function unitsMarkdown(entries: UnitEntry[]): Promise<string> {
  const { gfmTable, heading, paragraph, stringifyMarkdown } = await import('../write/markdown.js');
  return stringifyMarkdown(
    entries.flatMap((e) => [
      heading(2, e.unit),
      paragraph(`牵头 ${e.leads} · 落实/配合 ${e.implements}${e.names.length > 1 ? ` · 亦作 ${e.names.join('、')}` : ''}`),
      gfmTable(['截止', '角色', '序号', '任务', '通知'], e.tasks.map((t) => [t.due ?? '', ROLE[t.role], t.seq ?? '', t.text, t.notice ?? ''])),
    ]),
  );
}
