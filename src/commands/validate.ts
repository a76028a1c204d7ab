import { readFile } from 'node:fs/promises';
import { checkText } from '../validate/check.js';
import { REPORTERS, type FileResult } from '../validate/report.js';
import { expandInputs } from '../inputs.js';
import { UsageError } from '../report.js';
import { EXIT, type ExitCode } from '../exit-codes.js';

export type ValidateFlags = { strict?: boolean; format: string };

const OUTPUTS = ['json', 'yaml', 'yml'];

export async function validateCommand(inputs: string[], flags: ValidateFlags): Promise<ExitCode> {
  const report = REPORTERS[flags.format as keyof typeof REPORTERS];
  if (!report) throw new UsageError(`--format must be one of ${Object.keys(REPORTERS).join(', ')} (got "${flags.format}")`);
  const { files, missing } = await expandInputs(inputs, OUTPUTS);
  for (const m of missing) process.stderr.write(`fengong: ${m}: no such file, or no .json/.yaml files in it\n`);
  if (files.length === 0) {
    if (missing.length === 0) process.stderr.write('fengong: no .json/.yaml files to validate\n');
    return EXIT.usage;
  }
  const results: FileResult[] = [];
  let unreadable = missing.length > 0;
  for (const file of files) {
    try {
      results.push({ file, problems: checkText(await readFile(file, 'utf8')) });
    } catch (e) {
      unreadable = true;
      process.stderr.write(`fengong: ${file}: cannot read: ${(e as Error).message}\n`);
    }
  }
  process.stdout.write(report(results));
  if (unreadable) return EXIT.usage;
  const failing = results.some((r) => r.problems.some((p) => p.severity === 'error' || (flags.strict && p.severity === 'warning')));
  return failing ? EXIT.failed : EXIT.ok;
}
