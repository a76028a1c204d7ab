import { Command, CommanderError } from 'commander';
import { UsageError } from './report.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { VERSION } from './version.js';

const DEFAULT_MAX_BYTES = String(50 * 1024 * 1024);

/** How to read inputs and write CSV: the same for one notice and for a folder. */
function readingOptions(cmd: Command): Command {
  return cmd
    .option('-e, --encoding <name>', 'input encoding (utf-8, gb18030, gbk, big5, utf-16le …); detected per file when omitted')
    .option('-y, --year <year>', 'work year to resolve deadlines against, overriding each notice')
    .option('-f, --from <format>', 'input format: text, markdown, html, docx; from the extension or content when omitted')
    .option('--max-bytes <n>', 'refuse inputs larger than this many bytes', DEFAULT_MAX_BYTES)
    .option('--bom', 'start CSV output with a UTF-8 byte-order mark, for Excel');
}

/**
 * Runs the command line and returns the exit code; bin/fengong.js sets it on the process.
 * Each command's code loads only when that command runs, so `fengong --version` and a
 * one-file parse stay fast.
 */
export async function main(argv: string[]): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  const program = new Command()
    .name('fengong')
    .description('Turn Chinese government task-division notices (任务分工通知) into typed, checkable data.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `fengong: ${s}` : s) });

  const parse = program
    .command('parse')
    .description('parse one notice (a file, or - for standard input) and print it')
    .argument('<file>', 'notice file (.txt, .md, .html, .docx) or - for stdin')
    .option('-t, --to <format>', 'output format: json, yaml, csv, md, ndjson, ics', 'json')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('-q, --quiet', 'print nothing on standard error but errors');
  readingOptions(parse).action(async (file, flags) => {
    code = await (await import('./commands/parse.js')).parseCommand(file, flags);
  });

  const convert = program
    .command('convert')
    .description('convert files, folders or globs of notices into OUTDIR, mirroring the input tree')
    .argument('<inputs...>', 'files, folders (walked recursively) or glob patterns')
    .requiredOption('-o, --output <dir>', 'output folder')
    .option('-t, --to <formats>', 'comma-separated output formats: json, yaml, csv, md, ndjson, ics', 'json')
    .option('-j, --jobs <n>', 'parallel workers (default: one per core)')
    .option('--merge <file>', 'also write every task of every notice into one .csv or .ndjson file')
    .option('--shard <i/n>', 'process only the stable i-th of n slices of the inputs, e.g. 1/4')
    .option('--incremental', 'skip inputs whose content and options match the existing manifest')
    .option('--timeout <seconds>', 'give up on a file that takes longer than this', '60')
    .option('-q, --quiet', 'no progress bar or summary; errors only');
  readingOptions(convert).action(async (inputs, flags) => {
    code = await (await import('./commands/convert.js')).convertCommand(inputs, flags);
  });

  program
    .command('validate')
    .description('check JSON/YAML outputs against the schema and quality rules')
    .argument('<inputs...>', 'files, folders or glob patterns of fengong JSON/YAML outputs')
    .option('--strict', 'fail on warnings too')
    .option('--format <format>', 'report format: stylish, json, github', 'stylish')
    .action(async (inputs, flags) => {
      code = await (await import('./commands/validate.js')).validateCommand(inputs, flags);
    });

  program
    .command('schema')
    .description('print the JSON Schema of fengong output')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (flags) => {
      code = await (await import('./commands/schema.js')).schemaCommand(flags);
    });

  program
    .command('units')
    .description('per-unit view: for every unit, the tasks it leads and implements, by due date')
    .argument('<inputs...>', 'notice JSON/YAML outputs, folders or globs (or notices to parse)')
    .option('-t, --to <format>', 'output format: table, csv, json, md', 'table')
    .option('-u, --unit <name>', 'only units matching this name or alias')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (inputs, flags) => {
      code = await (await import('./commands/units.js')).unitsCommand(inputs, flags);
    });

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof UsageError) {
      process.stderr.write(`fengong: ${e.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`fengong: internal error: ${(e as Error)?.message ?? e} (please report this)\n`);
    return EXIT.internal;
  }
  return code;
}
