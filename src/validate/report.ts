import type { Problem } from './check.js';

export type FileResult = { file: string; problems: Problem[] };

const count = (results: FileResult[], severity: Problem['severity']) =>
  results.reduce((n, r) => n + r.problems.filter((p) => p.severity === severity).length, 0);

/** Human report, grouped by file, in the style of eslint's "stylish". */
export function stylish(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.problems.length === 0) continue;
    lines.push(r.file);
    for (const p of r.problems) {
      const where = p.line === null ? '' : `${p.line}`.padStart(5) + '  ';
      lines.push(`  ${where}${p.severity.padEnd(8)}${p.path ? `${p.path}: ` : ''}${p.message}`);
    }
    lines.push('');
  }
  const errors = count(results, 'error');
  const warnings = count(results, 'warning');
  const bad = results.filter((r) => r.problems.length > 0).length;
  lines.push(errors + warnings === 0 ? `✓ ${results.length} file(s) valid` : `✖ ${errors + warnings} problem(s) (${errors} error(s), ${warnings} warning(s)) in ${bad} of ${results.length} file(s)`);
  return lines.join('\n') + '\n';
}

export function json(results: FileResult[]): string {
  return JSON.stringify({ files: results, errors: count(results, 'error'), warnings: count(results, 'warning') }, null, 2) + '\n';
}

// GitHub workflow commands: data escapes %, CR, LF; property values also escape : and ,.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…::…` annotations, one per problem, for GitHub Actions. */
export function github(results: FileResult[]): string {
  const lines = results.flatMap((r) =>
    r.problems.map((p) => {
      const props = [`file=${escapeProperty(r.file)}`, ...(p.line === null ? [] : [`line=${p.line}`]), `title=${escapeProperty(`fengong ${p.severity}`)}`];
      return `::${p.severity} ${props.join(',')}::${escapeData(`${p.path ? `${p.path}: ` : ''}${p.message}`)}`;
    }),
  );
  return lines.length ? lines.join('\n') + '\n' : '';
}

export const REPORTERS = { stylish, json, github } as const;
