import { UsageError } from '../report.js';
import type { ExitCode } from '../exit-codes.js';

export async function validateCommand(_inputs: string[], _flags: Record<string, unknown>): Promise<ExitCode> {
  throw new UsageError('validate is not available yet');
}
