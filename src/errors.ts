/**
 * An input problem the user can act on. The CLI prints `file: message` for it, never a
 * stack trace; anything else escaping the core is a bug and is reported as one.
 */
export class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    // Printed as one line: a library's message quoted in it may run over several (xmldom's does).
    super(message.split('\n')[0].replace(/\s+/g, ' ').trim());
    this.name = 'InputError';
  }
}
