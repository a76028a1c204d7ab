import ICAL from 'ical.js';
import type { Notice, Task } from '../model/schema.js';
import type { Writer } from './index.js';

const SUMMARY_CHARS = 40;

// A calendar shows a line or two of the summary: the title, or the text's first clause, cut short.
export function summary(task: Task): string {
  const s = (task.title ?? task.text.split(/[。；;]/)[0]).replace(/\s+/g, ' ').trim() || task.text.trim();
  return s.length > SUMMARY_CHARS ? `${s.slice(0, SUMMARY_CHARS - 1)}…` : s;
}

function description(notice: Notice, task: Task, raw: string): string {
  const { meta, source } = notice;
  const lines = [
    task.title ? `${task.title}\n${task.text}` : task.text,
    '',
    `Deadline: ${raw}`,
    task.lead.length ? `Lead: ${task.lead.join('; ')}` : null,
    task.implementing.length ? `Implementing: ${task.implementing.join('; ')}` : null,
    `Notice: ${[meta.title, meta.docNumber].filter(Boolean).join(' ') || source.path || source.sha256}`,
    source.path ? `Source: ${source.path} (${task.id}${task.line ? `, line ${task.line}` : ''})` : `Task: ${task.id}`,
  ];
  return lines.filter((l) => l !== null).join('\n');
}

/** Every deadline with a resolved due date becomes one VTODO, so a unit sees what it owes and when. */
export function toCalendar(notices: Notice[]): string {
  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('prodid', '-//fengong//CN');
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  for (const notice of notices) {
    // DTSTAMP is required; deriving it from the notice instead of the clock keeps the same input
    // producing the same file, which incremental runs and diffs rely on.
    const stamp = notice.meta.issuedOn;
    for (const list of notice.lists) {
      for (const task of list.tasks) {
        task.deadlines.forEach((d, i) => {
          if (d.due === null) return;
          const todo = new ICAL.Component('vtodo');
          // The same task of the same notice keeps its UID across runs, so re-importing updates it.
          todo.addPropertyWithValue('uid', `${notice.source.sha256.slice(0, 32)}-${task.id}-D${i + 1}@fengong`);
          todo.addPropertyWithValue('dtstamp', ICAL.Time.fromDateTimeString(`${stamp ?? d.due}T00:00:00Z`));
          todo.addPropertyWithValue('summary', summary(task));
          todo.addPropertyWithValue('due', ICAL.Time.fromDateString(d.due));
          todo.addPropertyWithValue('description', description(notice, task, d.raw));
          todo.addPropertyWithValue('status', 'NEEDS-ACTION');
          cal.addSubcomponent(todo);
        });
      }
    }
  }
  return cal.toString() + '\r\n';
}

export const icsWriter: Writer = {
  name: 'ics',
  extension: '.ics',
  write: toCalendar,
};
