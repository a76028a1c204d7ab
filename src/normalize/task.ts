import type { Deadline, Diagnostic, Task, TaskList, Unit } from '../model/schema.js';
import type { RawList, RawTask } from '../detect/types.js';
import { parseUnits, type UnitNotes } from './units.js';
import { parseDeadlines, findDeadlinesInText, type DeadlineContext } from './deadlines.js';

export type NormalizeContext = DeadlineContext & UnitNotes & { firstIsLead: boolean };

/** Raw lists to typed lists, with a diagnostic for every task a reader will want to check. */
export function normalizeLists(raw: RawList[], ctx: NormalizeContext): { lists: TaskList[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lists = raw.map((list, li): TaskList => {
    diagnostics.push(...(list.diagnostics ?? []));
    return {
      title: list.title,
      layout: list.layout,
      columns: list.columns,
      tasks: list.tasks.map((t, ti) => {
        const task = normalizeTask(t, `L${li + 1}-T${ti + 1}`, ctx);
        diagnostics.push(...check(task));
        return task;
      }),
    };
  });
  return { lists, diagnostics };
}

function normalizeTask(t: RawTask, id: string, ctx: NormalizeContext): Task {
  const units: Unit[] = [];
  const leads: string[] = [];
  const implementing: string[] = [];
  // A unit named again in the same role (an item with two clauses) is the same unit.
  const seen = new Set<string>();
  for (const source of t.units) {
    const parsed = parseUnits(source.text, { defaultRole: source.role, firstIsLead: ctx.firstIsLead, leadMark: ctx.leadMark, peopleInBrackets: ctx.peopleInBrackets });
    for (const u of parsed.units) {
      const lead = u.role === 'lead';
      const key = `${lead ? 'L' : 'I'}:${u.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      units.push(u);
      (lead ? leads : implementing).push(u.name);
    }
  }
  let deadlines: Deadline[] = t.deadlines.flatMap((d) => parseDeadlines(d, ctx));
  // A deadline stated in the text counts when no column or clause gives a date; so do the
  // dates of its sub-points, milestones of the same task.
  if (deadlines.every((d) => d.due === null && d.kind !== 'ongoing')) {
    deadlines = [...deadlines, ...findDeadlinesInText(t.text, ctx)];
    if (t.context) deadlines = [...deadlines, ...findDeadlinesInText(t.context, ctx)];
  }
  return { id, seq: t.seq, sections: t.sections, title: t.title, text: t.text, lead: leads, implementing, units, deadlines, line: t.line };
}

function check(task: Task): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (task.units.length === 0) {
    out.push({ severity: 'warning', code: 'no-units', message: `task ${task.seq ?? task.id} names no responsible unit`, line: task.line });
  }
  for (const d of task.deadlines) {
    if (d.kind === 'unknown') {
      out.push({ severity: 'warning', code: 'deadline-unresolved', message: `task ${task.seq ?? task.id}: cannot read the deadline "${d.raw}"`, line: task.line });
    }
  }
  return out;
}
