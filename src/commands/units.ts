import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { Notice } from '../model/schema.js';
import { Manifest } from '../batch/manifest.js';
import { parseNotice } from '../parse.js';
import { readInput, writeOutput } from '../io.js';
import { relative } from 'node:path';
import { collectInputs } from '../batch/walk.js';
import { buildUnitView, filterUnits } from '../units-view/build.js';
import { unitsCsv, unitsJson, unitsMarkdown, unitsTable } from '../units-view/render.js';
import { UsageError, fail } from '../report.js';
import { InputError } from '../errors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';

export type UnitsFlags = { to: string; unit?: string; output?: string };

const RENDER = { table: unitsTable, csv: unitsCsv, json: unitsJson, md: unitsMarkdown } as const;
const OUTPUTS = ['json', 'yaml', 'yml'];
const SOURCES = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'docx'];

/** fengong outputs are read as they are; notices themselves are parsed first. */
async function load(file: string): Promise<Notice[]> {
  const ext = file.split('.').pop()?.toLowerCase() ?? '';
  if (!OUTPUTS.includes(ext)) return [await parseNotice(await readInput(file), { path: file })];
  let data: unknown;
  try {
    data = parseYaml(await readFile(file, 'utf8'));
  } catch (e) {
    throw new InputError('not-output', `not valid JSON or YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  // The manifest fengong convert writes beside its outputs holds no tasks.
  if (Manifest.safeParse(data).success) return [];
  return (Array.isArray(data) ? data : [data]).map((d) => {
    const n = Notice.safeParse(d);
    if (!n.success) throw new InputError('not-output', `not a fengong output (\`fengong validate ${file}\` says why)`);
    return n.data;
  });
}

export async function unitsCommand(inputs: string[], flags: UnitsFlags): Promise<ExitCode> {
  const render = RENDER[flags.to as keyof typeof RENDER];
  if (!render) throw new UsageError(`--to must be one of ${Object.keys(RENDER).join(', ')} (got "${flags.to}")`);
  const files = (await collectInputs(inputs, { extensions: [...OUTPUTS, ...SOURCES] })).files.map((f) => relative(process.cwd(), f.path));
  if (files.length === 0) throw new UsageError(`no notices or fengong outputs in ${inputs.join(' ')}`);
  const notices: Notice[] = [];
  let code: ExitCode = EXIT.ok;
  for (const file of files) {
    try {
      notices.push(...(await load(file)));
    } catch (e) {
      const c = fail(file, e);
      if (code === EXIT.ok) code = c;
    }
  }
  const entries = buildUnitView(notices);
  await writeOutput(flags.output, await render(flags.unit ? filterUnits(entries, flags.unit) : entries));
  return code;
}
