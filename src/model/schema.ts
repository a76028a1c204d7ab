import { z } from 'zod';

import { SCHEMA_VERSION } from './version.js';

export { SCHEMA_VERSION, SCHEMA_ID } from './version.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  // Only a well-formed string is checked against the calendar, so a bad shape is one error.
  .refine((s) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return true;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'expected a real calendar date YYYY-MM-DD');

export const DeadlineKind = z
  .enum(['date', 'period', 'ongoing', 'recurring', 'relative', 'unknown'])
  .describe('date: a day; period: a span (全年, 上半年, 2018—2020年); ongoing: 持续推进 and the like; recurring: 每月/每季度; relative: 5个工作日内; unknown: could not be read');

export const Deadline = z
  .object({
    raw: z.string().describe('the deadline as printed'),
    kind: DeadlineKind,
    due: isoDate.nullable().describe('resolved ISO due date; null for ongoing, recurring, relative, unknown'),
    start: isoDate.optional().describe('start of a period (2019年起, 2018—2020年)'),
    period: z.enum(['month', 'quarter', 'half-year', 'year', 'week', 'day']).optional().describe('for recurring deadlines'),
    note: z.string().optional().describe('the words of a milestone, when one cell or clause holds several'),
    inText: z.boolean().describe('true when found inside the task text rather than a deadline column or clause'),
  })
  .describe('One stated deadline or milestone');

export const UnitRole = z.enum(['lead', 'implementing', 'cooperating']);

export const Unit = z
  .object({
    name: z.string().describe('unit name as printed, role words and 等… qualifiers removed'),
    role: UnitRole,
    canonical: z.string().optional().describe('canonical name from the alias table, level prefix kept'),
    collective: z.boolean().optional().describe('true for collective units such as 各县(市)区政府, 有关部门'),
  })
  .describe('One responsible unit');

export const Task = z.object({
  id: z.string().describe('stable id within the notice: L<list>-T<task>'),
  seq: z.string().nullable().describe('the task number as printed, digits only ((十二) -> "12"); a hierarchical number keeps its dot or dash ("1.2", "3-1")'),
  sections: z.array(z.string()).describe('enclosing headings and categories, outermost first, as printed'),
  title: z.string().nullable().describe('short task title when the notice gives one'),
  text: z.string().describe('task text'),
  lead: z.array(z.string()).describe('lead units (牵头)'),
  implementing: z.array(z.string()).describe('implementing units (责任/落实/负责/配合)'),
  units: z.array(Unit).describe('every unit with its finer role'),
  deadlines: z.array(Deadline),
  line: z.number().int().nullable().describe('1-based source line where the task starts'),
});

export const TaskList = z.object({
  title: z.string().nullable().describe('heading of this list as printed'),
  layout: z
    .enum(['cell-stream', 'grid', 'inline-list', 'labelled-lines'])
    .describe('cell-stream: a table flattened one cell per line; grid: a real table; inline-list: numbered items ending in a unit clause; labelled-lines: items followed by 牵头单位:/责任单位: lines'),
  columns: z.array(z.string()).describe('column headers as printed (tables only)'),
  tasks: z.array(Task),
});

export const Diagnostic = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  line: z.number().int().nullable(),
});

export const Meta = z.object({
  title: z.string().nullable().describe('the notice title as printed'),
  docNumber: z.string().nullable().describe('文号, e.g. 合政办秘〔2018〕105号'),
  issuer: z.string().nullable().describe('issuing body'),
  issuedOn: isoDate.nullable().describe('date the notice was issued or signed'),
  year: z.number().int().nullable().describe('work year the tasks belong to'),
});

export const Source = z.object({
  path: z.string().nullable(),
  format: z.enum(['text', 'markdown', 'html', 'docx']),
  encoding: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const Notice = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: Source,
    meta: Meta,
    lists: z.array(TaskList),
    diagnostics: z.array(Diagnostic),
  })
  .describe('A task-division notice parsed by fengong');

export type Deadline = z.infer<typeof Deadline>;
export type DeadlineKind = z.infer<typeof DeadlineKind>;
export type Unit = z.infer<typeof Unit>;
export type UnitRole = z.infer<typeof UnitRole>;
export type Task = z.infer<typeof Task>;
export type TaskList = z.infer<typeof TaskList>;
export type Diagnostic = z.infer<typeof Diagnostic>;
export type Meta = z.infer<typeof Meta>;
export type Source = z.infer<typeof Source>;
export type Notice = z.infer<typeof Notice>;
