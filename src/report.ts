import { InputError } from './errors.js';
import { UNREADABLE } from './io.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Notice } from './model/schema.js';

/** A bad command line: printed as one line, exit 2. */
export class UsageError extends Error {}

/** Prints one line for a failed input, never a stack trace, and says which exit code it earns. */
export function fail(name: string, e: unknown): ExitCode {
  if (e instanceof InputError) {
    process.stderr.write(`fengong: ${name}: ${e.message}\n`);
    return UNREADABLE.has(e.code) ? EXIT.usage : EXIT.failed;
  }
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`fengong: ${name}: internal error: ${msg.split('\n')[0]} (please report this with the input file)\n`);
  if (process.env.FENGONG_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
  return EXIT.internal;
}

/** One-line failure message for batch manifests. */
export function reason(e: unknown): string {
  return e instanceof InputError ? e.message : `internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
}

export function taskCount(notice: Notice): number {
  return notice.lists.reduce((n, l) => n + l.tasks.length, 0);
}

/** What a person at a terminal wants to know after a parse: nothing found, or how many warnings. */
export function summarize(name: string, notice: Notice): void {
  const count = taskCount(notice);
  const warnings = notice.diagnostics.filter((d) => d.severity === 'warning').length;
  if (count === 0) process.stderr.write(`fengong: ${name}: no task list found (a summary, news or regulation?)\n`);
  else if (warnings > 0 && process.stderr.isTTY) process.stderr.write(`fengong: ${name}: ${count} tasks, ${warnings} warning(s) listed under "diagnostics"\n`);
}
