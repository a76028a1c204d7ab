import { z } from 'zod';
import { DeadlineKind, UnitRole } from './schema.js';

export const UnitTask = z.object({
  notice: z.string().nullable().describe('title of the notice the task comes from'),
  file: z.string().nullable().describe('source file of the notice'),
  taskId: z.string(),
  seq: z.string().nullable(),
  role: UnitRole,
  text: z.string(),
  due: z.string().nullable().describe('earliest resolved due date of the task'),
  deadlines: z.array(z.object({ raw: z.string(), kind: DeadlineKind, due: z.string().nullable() })),
  lead: z.array(z.string()),
});

export const UnitEntry = z.object({
  unit: z.string().describe('canonical name, or the name as printed when the alias table does not know it'),
  names: z.array(z.string()).describe('every way the notices print this unit'),
  collective: z.boolean(),
  leads: z.number().int(),
  implements: z.number().int(),
  tasks: z.array(UnitTask).describe('sorted by due date, undated last'),
});

export type UnitTask = z.infer<typeof UnitTask>;
export type UnitEntry = z.infer<typeof UnitEntry>;
