import { describe, it, expect } from 'vitest';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parse as parseYaml } from 'yaml';
import { Notice } from '../src/model/schema.js';
import { run } from './cli-helpers.js';
import { VERSION } from '../src/version.js';

const SEED = 'fixtures/seeds/004_f52bad858648e459.txt';
const tasks = (n: Notice) => n.lists.flatMap((l) => l.tasks);

describe('fengong parse', () => {
  it('prints a schema-valid notice as JSON by default', () => {
    const r = run(['parse', SEED]);
    expect(r.code).toBe(0);
    const notice = Notice.parse(JSON.parse(r.stdout));
    expect(tasks(notice)).toHaveLength(39);
    expect(notice.source).toMatchObject({ path: SEED, format: 'text', encoding: 'utf-8' });
    expect(r.stderr).toBe('');
  });

  it('writes YAML with --to yaml', () => {
    const r = run(['parse', SEED, '--to', 'yaml']);
    expect(tasks(Notice.parse(parseYaml(r.stdout)))).toHaveLength(39);
  });

  it('writes to a file with -o and prints nothing', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'fengong-')), 'n.json');
    const r = run(['parse', SEED, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(tasks(Notice.parse(JSON.parse(readFileSync(out, 'utf8'))))).toHaveLength(39);
  });

  it('reads standard input for "-", whatever its encoding', () => {
    const r = run(['parse', '-'], iconv.encode(readFileSync(SEED, 'utf8'), 'gb18030'));
    expect(r.code).toBe(0);
    const notice = Notice.parse(JSON.parse(r.stdout));
    expect(notice.source).toMatchObject({ path: null, encoding: 'gb18030' });
    expect(tasks(notice)).toHaveLength(39);
  });

  it('--encoding overrides detection and --year the work year', () => {
    const r = run(['parse', SEED, '--encoding', 'utf-8', '--year', '2021']);
    const notice = Notice.parse(JSON.parse(r.stdout));
    expect(notice.meta.year).toBe(2021);
  });

  it('a text without a task list gives lists: [], an info diagnostic and a note, exit 0', () => {
    const r = run(['parse', 'fixtures/seeds/003_a4af0b0c03741768.txt']);
    expect(r.code).toBe(0);
    const notice = Notice.parse(JSON.parse(r.stdout));
    expect(notice.lists).toEqual([]);
    expect(notice.diagnostics[0]).toMatchObject({ severity: 'info', code: 'no-task-list' });
    expect(r.stderr).toMatch(/no task list found/);
  });

  it.each([
    [['parse'], 2, /missing required argument/],
    [['parse', SEED, '--to', 'pdf'], 2, /--to must be one of/],
    [['parse', SEED, '--year', 'soon'], 2, /--year must be a year/],
    [['parse', SEED, '--encoding', 'klingon'], 1, /unknown encoding/],
    [['parse', 'no/such/file.txt'], 2, /no\/such\/file\.txt: no such file/],
    [['parse', 'fixtures'], 2, /is a directory/],
    [['frobnicate'], 2, /unknown command/],
  ])('%j exits %d with one clear line', (args, code, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--version and --help', () => {
    expect(run(['--version']).stdout.trim()).toBe(VERSION);
    const help = run(['parse', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--encoding/);
  });
});

describe('package', () => {
  it('--version reports the version in package.json', () => {
    expect(JSON.parse(readFileSync('package.json', 'utf8')).version).toBe(VERSION);
  });
});
