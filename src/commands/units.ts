import { UsageError } from '../report.js';
import type { ExitCode } from '../exit-codes.js';

export async function unitsCommand(_inputs: string[], _flags: Record<string, unknown>): Promise<ExitCode> {
  throw new UsageError('units is not available yet');
}
