import { Command, CommanderError } from 'commander';
import { UsageError } from './report.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { VERSION } from './version.js';

/** Runs the command line and returns the exit code; bin/fengong.js sets it on the process. */
export async function main(argv: string[]): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = new Command()
    .name('fengong')
    .description('Turn Chinese government task-division notices (任务分工通知) into typed, checkable data.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `fengong: ${s}` : s) });

  program
    .command('parse')
    .description('parse one notice (a file, or - for standard input) and print it as JSON or YAML')
    .argument('<file>', 'notice file (.txt, .md, .html, .docx) or - for stdin')
    .option('-t, --to <format>', 'output format: json, yaml', 'json')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('-e, --encoding <name>', 'input encoding (utf-8, gb18030, gbk, big5, utf-16le …); detected when omitted')
    .option('-y, --year <year>', 'work year to resolve deadlines against, overriding the notice')
    .option('-f, --from <format>', 'input format: text, markdown, html, docx; from the extension or content when omitted')
    .option('--max-bytes <n>', 'refuse inputs larger than this many bytes', String(50 * 1024 * 1024))
    .option('-q, --quiet', 'print nothing on standard error but errors')
    .action(async (file, flags) => {
      const { parseCommand } = await import('./commands/parse.js');
      code = await parseCommand(file, flags);
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
