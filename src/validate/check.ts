import { parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { Notice, SCHEMA_VERSION } from '../model/schema.js';
import { Manifest } from '../batch/manifest.js';

export type Problem = { severity: 'error' | 'warning'; path: string; message: string; line: number | null };

/** `lists[0].tasks[3].deadlines[0].due` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function lineOf(doc: Document, text: string, path: readonly PropertyKey[]): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as Node | undefined;
    if (node && node.range) return text.slice(0, node.range[0]).split('\n').length;
  }
  return null;
}

/**
 * Problems in one fengong output file, JSON or YAML (YAML's parser reads both and keeps
 * the source positions that turn a JSON path into a line number).
 */
export function checkText(text: string): Problem[] {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return [{ severity: 'error', path: '', message: `not valid JSON or YAML: ${e.message.split('\n')[0].replace(/:$/, '')}`, line: e.linePos?.[0]?.line ?? null }];
  }
  const root = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const notices: [unknown, PropertyKey[]][] = Array.isArray(root) ? root.map((n, i) => [n, [i]]) : [[root, []]];
  return notices.flatMap(([value, prefix]) =>
    checkNotice(value).map(({ severity, at, message }) => {
      const full = [...prefix, ...at];
      return { severity, path: formatPath(full), message, line: lineOf(doc, text, full) };
    }),
  );
}

type Located = { severity: Problem['severity']; at: PropertyKey[]; message: string };

function checkNotice(value: unknown): Located[] {
  // A folder fengong convert wrote also holds its manifest: check it against its own schema.
  if (isRecord(value) && 'inputs' in value && 'fengong' in value) {
    const manifest = Manifest.safeParse(value);
    return manifest.success ? [] : manifest.error.issues.map((i) => ({ severity: 'error' as const, at: [...i.path], message: i.message }));
  }
  const version = isRecord(value) ? value.schemaVersion : undefined;
  if (version !== undefined && version !== SCHEMA_VERSION) {
    return [{ severity: 'error', at: ['schemaVersion'], message: `unknown schemaVersion ${JSON.stringify(version)} (this fengong reads ${SCHEMA_VERSION})` }];
  }
  const parsed = Notice.safeParse(value);
  if (!parsed.success) return parsed.error.issues.map((i: z.core.$ZodIssue) => ({ severity: 'error', at: [...i.path], message: i.message }));
  return quality(parsed.data);
}

/** Warnings: valid data that a supervision office would still want a person to look at. */
export function quality(notice: Notice): Located[] {
  const out: Located[] = [];
  const total = notice.lists.reduce((n, l) => n + l.tasks.length, 0);
  if (total === 0) out.push({ severity: 'warning', at: ['lists'], message: 'the notice has no tasks' });
  notice.lists.forEach((list, li) => {
    if (list.tasks.length === 0) out.push({ severity: 'warning', at: ['lists', li], message: 'empty task list' });
    const seen = new Map<string, number>();
    list.tasks.forEach((task, ti) => {
      const at = ['lists', li, 'tasks', ti];
      if (task.lead.length + task.implementing.length === 0) out.push({ severity: 'warning', at, message: `task ${task.seq ?? task.id} names no responsible unit` });
      task.deadlines.forEach((d, di) => {
        if (d.kind === 'unknown') out.push({ severity: 'warning', at: [...at, 'deadlines', di], message: `deadline "${d.raw}" could not be read` });
      });
      // Numbering restarts under each heading, so a seq repeats legitimately across sections.
      const key = task.seq === null ? null : `${task.sections.join('>')}#${task.seq}`;
      if (key !== null) {
        if (seen.has(key)) out.push({ severity: 'warning', at: [...at, 'seq'], message: `seq ${task.seq} repeats task ${seen.get(key)! + 1} of the same section` });
        else seen.set(key, ti);
      }
    });
  });
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
