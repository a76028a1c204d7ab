import type { Diagnostic, TaskList, UnitRole } from '../model/schema.js';

/** A unit cell or clause, with the role its column or label gives units that name none. */
export type UnitSource = { text: string; role: UnitRole };

/** A task as a layout strategy found it: still raw strings, nothing normalized. */
export type RawTask = {
  seq: string | null;
  sections: string[];
  title: string | null;
  text: string;
  units: UnitSource[];
  deadlines: string[];
  line: number;
  /** Lines printed under the task that are not its text (sub-points), read for deadlines. */
  context?: string;
};

export type RawList = {
  title: string | null;
  layout: TaskList['layout'];
  columns: string[];
  tasks: RawTask[];
  /** Source lines this list covers, so other strategies leave them alone. */
  from: number;
  to: number;
  /** Problems a reader should check, found while reading the list's layout. */
  diagnostics?: Diagnostic[];
};
