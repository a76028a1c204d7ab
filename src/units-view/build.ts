import type { Notice, Task, Unit } from '../model/schema.js';
import type { UnitEntry, UnitTask } from '../model/unit-view.js';
import { aliasKey, lookupDepartment, shapePrefix } from '../normalize/unit-aliases.js';
import { fold } from '../normalize/text.js';

/** The key that makes 市发改委 in one notice and 市发展改革委 in another one entry. */
function keyOf(unit: Unit): string {
  return aliasKey(unit.canonical ?? unit.name);
}

function earliest(task: Task): string | null {
  const dues = task.deadlines.map((d) => d.due).filter((d): d is string => d !== null).sort();
  return dues[0] ?? null;
}

function byDue(a: UnitTask, b: UnitTask): number {
  if (a.due === b.due) return 0;
  if (a.due === null) return 1;
  if (b.due === null) return -1;
  return a.due < b.due ? -1 : 1;
}

/**
 * For every unit, the tasks it leads and implements across the notices: the page a bureau
 * prints to see what it owes and by when.
 */
export function buildUnitView(notices: Notice[]): UnitEntry[] {
  const entries = new Map<string, UnitEntry>();
  for (const notice of notices) {
    for (const task of notice.lists.flatMap((l) => l.tasks)) {
      const roles = new Map<string, Unit>();
      for (const unit of task.units) {
        const key = keyOf(unit);
        // A unit named twice in one task (lead and again implementing) keeps its leading role.
        if (!roles.has(key) || unit.role === 'lead') roles.set(key, unit);
      }
      for (const [key, unit] of roles) {
        const entry = entries.get(key) ?? { unit: unit.canonical ?? unit.name, names: [], collective: Boolean(unit.collective), leads: 0, implements: 0, tasks: [] };
        if (!entry.names.includes(unit.name)) entry.names.push(unit.name);
        if (unit.role === 'lead') entry.leads++;
        else entry.implements++;
        entry.tasks.push({
          notice: notice.meta.title,
          file: notice.source.path,
          taskId: task.id,
          seq: task.seq,
          role: unit.role,
          text: task.title ?? task.text,
          due: earliest(task),
          deadlines: task.deadlines.map(({ raw, kind, due }) => ({ raw, kind, due })),
          lead: task.lead,
        });
        entries.set(key, entry);
      }
    }
  }
  for (const e of entries.values()) e.tasks.sort(byDue);
  return [...entries.values()].sort((a, b) => b.leads + b.implements - (a.leads + a.implements) || a.unit.localeCompare(b.unit, 'zh'));
}

function split(name: string): { prefix: string; department: string | undefined } {
  const prefix = shapePrefix(name) ?? '';
  return { prefix, department: lookupDepartment(fold(name).slice(prefix.length)) };
}

/**
 * Entries a bureau would call by this name: the query as printed, or the same department
 * under any alias (发改委 finds 市发展改革委 and 县发改局; 市发改委 only the 市 one).
 */
export function filterUnits(entries: UnitEntry[], query: string): UnitEntry[] {
  const q = aliasKey(query);
  const want = split(query);
  return entries.filter((e) =>
    [e.unit, ...e.names].some((n) => {
      if (aliasKey(n).includes(q)) return true;
      const got = split(n);
      return want.department !== undefined && got.department === want.department && (want.prefix === '' || want.prefix === got.prefix);
    }),
  );
}
