import { readFile } from 'node:fs/promises';
import { checkText } from '../validate/check.js';
import { REPORTERS, type FileResult } from '../validate/report.js';
import { relative } from 'node:path';
import { collectInputs } from '../batch/walk.js';
import { UsageError } from '../report.js';
import { EXIT, type ExitCode } from '../exit-codes.js';

export type ValidateFlags = { strict?: boolean; format: string };

const OUTPUTS = ['json', 'yaml', 'yml'];

export async function validateCommand(inputs: string[], flags: ValidateFlags): Promise<ExitCode> {
  const report = REPORTERS[flags.format as keyof typeof REPORTERS];
  if (!report) throw new UsageError(`--format must be one of ${Object.keys(REPORTERS).join(', ')} (got "${flags.format}")`);
  const files = (await collectInputs(inputs, { extensions: OUTPUTS })).files.map((f) => relative(process.cwd(), f.path));
  if (files.length === 0) throw new UsageError(`no .json or .yaml files in ${inputs.join(' ')}`);
  const results: FileResult[] = [];
  let unreadable = false;
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
