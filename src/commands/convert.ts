import { UsageError } from '../report.js';
import type { ExitCode } from '../exit-codes.js';

export async function convertCommand(_inputs: string[], _flags: Record<string, unknown>): Promise<ExitCode> {
  throw new UsageError('convert is not available yet');
}
