/**
 * An input problem the user can act on. The CLI prints `file: message` for it, never a
 * stack trace; anything else escaping the core is a bug and is reported as one.
 */
export class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
