import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './cli-helpers.js';
import { checkText } from '../src/validate/check.js';
import { github } from '../src/validate/report.js';
import { noticeJsonSchemaText } from '../src/model/json-schema.js';

const broken = 'fixtures/validate/broken';

describe('fengong validate', () => {
  it('passes valid JSON and YAML outputs with exit 0', () => {
    const r = run(['validate', 'fixtures/validate/valid']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 file\(s\) valid|in 1 of 2 file/);
  });

  it.each([
    ['missing-field.json', 'lists[0].tasks[2].lead', /expected array/],
    ['bad-date.json', 'lists[0].tasks[3].deadlines[0].due', /expected YYYY-MM-DD/],
    ['wrong-type.json', 'lists[1].tasks[0].seq', /expected string/],
    ['unknown-version.json', 'schemaVersion', /unknown schemaVersion 99/],
    ['invalid.yaml', '', /not valid JSON or YAML/],
  ])('%s fails with exit 1, naming the file and the path', (file, path, message) => {
    const r = run(['validate', `${broken}/${file}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${broken}/${file}`);
    if (path) expect(r.stdout).toContain(`${path}: `);
    expect(r.stdout).toMatch(message);
  });

  it('reports a bad date once, not once per check', () => {
    const problems = checkText(readFileSync(`${broken}/bad-date.json`, 'utf8'));
    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBeGreaterThan(1);
  });

  it('warnings pass unless --strict', () => {
    expect(run(['validate', `${broken}/warning-no-units.json`]).code).toBe(0);
    const strict = run(['validate', '--strict', `${broken}/warning-no-units.json`]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/names no responsible unit/);
  });

  it('--format github prints workflow annotations', () => {
    const r = run(['validate', '--format', 'github', `${broken}/bad-date.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^::error file=fixtures\/validate\/broken\/bad-date\.json,line=\d+,title=fengong error::lists\[0\]\.tasks\[3\]\.deadlines\[0\]\.due: expected YYYY-MM-DD$/),
    ]);
  });

  it('escapes annotation data and properties as GitHub requires', () => {
    const out = github([{ file: 'a,b:c.json', problems: [{ severity: 'warning', path: 'x', message: '100%\nnext', line: 3 }] }]);
    expect(out).toBe('::warning file=a%2Cb%3Ac.json,line=3,title=fengong warning::x: 100%25%0Anext\n');
  });

  it('--format json prints a machine-readable report', () => {
    const r = run(['validate', '--format', 'json', broken]);
    const report = JSON.parse(r.stdout);
    expect(report.errors).toBeGreaterThanOrEqual(5);
    expect(report.files.map((f: { file: string }) => f.file)).toContain(`${broken}/unknown-version.json`);
  });

  it('a folder written by fengong convert validates, manifest included', () => {
    const out = mkdtempSync(join(tmpdir(), 'fengong-validate-'));
    expect(run(['convert', 'fixtures/seeds', '-o', out, '--to', 'json,yaml', '-q']).code).toBe(0);
    expect(run(['validate', out]).code).toBe(0);
    const manifest = join(out, 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/"status": "ok"/, '"status": "fine"'));
    const r = run(['validate', manifest]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/inputs\[\d+\]\.status/);
  });

  it.each([
    [['validate', 'no/such/dir'], 2],
    [['validate', '--format', 'xml', broken], 2],
  ])('usage problems exit 2: %j', (args, code) => {
    const r = run(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(/^fengong: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('published schema', () => {
  it('schemas/notice.schema.json is what `fengong schema` prints (regenerate with `node bin/fengong.js schema -o schemas/notice.schema.json`)', () => {
    expect(readFileSync('schemas/notice.schema.json', 'utf8')).toBe(noticeJsonSchemaText());
    expect(run(['schema']).stdout).toBe(noticeJsonSchemaText());
  });

  it('carries an $id and a version', () => {
    const schema = JSON.parse(noticeJsonSchemaText());
    expect(schema.$id).toMatch(/notice\.schema\.json$/);
    expect(schema.version).toBe(1);
  });
});
