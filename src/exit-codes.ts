/** The one table of exit codes; the README repeats it. */
export const EXIT = {
  /** Everything asked for was done. */
  ok: 0,
  /** An input is not a usable notice (binary, empty, undecodable, too large), an output failed validation, or a batch had failures. */
  failed: 1,
  /** Bad command line, or an input that cannot be read at all (missing, a directory, no permission). */
  usage: 2,
  /** A bug in fengong: please report it with the input. */
  internal: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
