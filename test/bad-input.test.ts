import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { chmodSync, closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './cli-helpers.js';
import { parseNotice } from '../src/parse.js';
import { readInput, DEFAULT_MAX_BYTES } from '../src/io.js';
import { Notice } from '../src/model/schema.js';

/**
 * The bad-input corpus of fixtures/bad (see its README): every file a crawler's folder can
 * hold, with the exit code and the one line fengong prints for it. The big inputs are
 * generated into a temp dir rather than committed. Spawned cases run bin/fengong.js, so
 * dist/ must be built (`npm run build`).
 */

const bad = (f: string) => join('fixtures/bad', f);
const seedsDir = new URL('../fixtures/seeds/', import.meta.url).pathname;
const variantsDir = new URL('../fixtures/variants/', import.meta.url).pathname;

/** One line on stderr, prefixed with the program and the file, and never a stack trace. */
function expectOneLine(stderr: string, file: string, message: RegExp): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(stderr.startsWith(`fengong: ${file}: `)).toBe(true);
  expect(stderr).toMatch(message);
}

const notice = (stdout: string): Notice => {
  const json = JSON.parse(stdout);
  return Notice.parse(Array.isArray(json) ? json[0] : json);
};
const taskCount = (n: Notice) => n.lists.reduce((k, l) => k + l.tasks.length, 0);

describe('bad input: refused with a clear one-line reason', () => {
  it.each([
    ['empty.txt', 1, /: empty file$/m],
    ['whitespace.txt', 1, /: holds no text \(only whitespace\)$/m],
    ['image.png', 1, /: binary file \(PNG image\), not a text notice$/m],
    // A crawler saves images under whatever name the link had; the bytes decide.
    ['image-named.txt', 1, /: binary file \(PNG image\), not a text notice$/m],
  ])('%s exits %i', (file, code, message) => {
    const r = run(['parse', bad(file)]);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expectOneLine(r.stderr, bad(file), message);
  });

  it('a path that does not exist exits 2', () => {
    const r = run(['parse', bad('no-such-file.txt')]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, bad('no-such-file.txt'), /: no such file$/m);
  });

  it('a directory exits 2 and points at convert', () => {
    const r = run(['parse', 'fixtures/bad']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, 'fixtures/bad', /: is a directory \(use `fengong convert DIR -o OUT` for folders\)$/m);
  });

  it('an unreadable file exits 2', (ctx) => {
    const dir = mkdtempSync(join(tmpdir(), 'fengong-bad-'));
    const file = join(dir, 'locked.txt');
    copyFileSync(join(seedsDir, '004_f52bad858648e459.txt'), file);
    chmodSync(file, 0o000);
    let readable = true;
    try {
      readFileSync(file);
    } catch {
      readable = false;
    }
    try {
      if (!readable) {
        const r = run(['parse', file]);
        expect(r.code).toBe(2);
        expectOneLine(r.stderr, file, /: permission denied$/m);
      }
    } finally {
      chmodSync(file, 0o600);
      rmSync(dir, { recursive: true, force: true });
    }
    // Root (as in many CI containers) reads a chmod 000 file anyway: nothing to test there.
    if (readable) ctx.skip();
  });

  it('a ZIP renamed .docx fails cleanly (exit 0 or 1, no stack trace)', () => {
    const r = run(['parse', bad('zip-renamed.docx')]);
    expect([0, 1]).toContain(r.code);
    if (r.code === 1) expectOneLine(r.stderr, bad('zip-renamed.docx'), /./);
    else expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('standard input over --max-bytes exits 1', () => {
    const r = run(['parse', '-', '--max-bytes', '100'], '序号\n'.repeat(100));
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, '<stdin>', /larger than the limit of 100 bytes \(raise it with --max-bytes\)$/m);
  });

  it('a --max-bytes that is not a number is a usage error', () => {
    const r = run(['parse', bad('empty.txt'), '--max-bytes', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fengong: --max-bytes must be a positive number \(got "lots"\)$/m);
  });
});

describe('bad input: read despite the damage', () => {
  const original = readFileSync(join(variantsDir, '103_inline_paren_lead_impl.txt'));
  let expected: Notice;
  beforeAll(async () => {
    expected = await parseNotice(original, { path: 'original.txt' });
  });

  it('truncated UTF-8 parses with a truncated-utf8 warning', () => {
    const r = run(['parse', bad('truncated-utf8.txt')]);
    expect(r.code).toBe(0);
    const n = notice(r.stdout);
    expect(n.source.encoding).toBe('utf-8');
    expect(n.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'truncated-utf8' }));
    expect(taskCount(n)).toBe(taskCount(expected));
  });

  it.each([
    ['gbk-no-hint.txt', 'gb18030'],
    ['utf16le-no-bom.txt', 'utf-16le'],
    ['utf16be-no-bom.txt', 'utf-16be'],
  ])('%s is detected as %s and reads like the UTF-8 original', (file, encoding) => {
    const r = run(['parse', bad(file)]);
    expect(r.code).toBe(0);
    const n = notice(r.stdout);
    expect(n.source.encoding).toBe(encoding);
    expect(n.lists.flatMap((l) => l.tasks.map((t) => [t.seq, t.text, t.lead, t.implementing]))).toEqual(
      expected.lists.flatMap((l) => l.tasks.map((t) => [t.seq, t.text, t.lead, t.implementing])),
    );
  });

  // hast-util-from-parse5 recurses once per nesting level and overflows near 2,000 levels;
  // the HTML reader then reads the page as the text between its tags.
  it('an HTML page with scripts and 2,000 nested tags parses (exit 0) and keeps its tasks', () => {
    const r = run(['parse', bad('nested-scripts.html')]);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(0);
    const n = Notice.parse(JSON.parse(r.stdout));
    expect(n.lists.flatMap((l) => l.tasks).length).toBeGreaterThan(0);
    expect(JSON.stringify(n)).not.toMatch(/<script|alert\(/);
  });
});

describe('big inputs (generated)', () => {
  const big = mkdtempSync(join(tmpdir(), 'fengong-big-'));
  afterAll(() => rmSync(big, { recursive: true, force: true }));

  // Real notices back to back, so the file is made of task lists rather than filler.
  const notices = [...readdirSync(seedsDir).map((f) => join(seedsDir, f)), ...readdirSync(variantsDir).filter((f) => f.endsWith('.txt')).map((f) => join(variantsDir, f))].map((f) => readFileSync(f));

  function writeBig(path: string, size: number): void {
    const fd = openSync(path, 'w');
    for (let written = 0, k = 0; written < size; k++) {
      const chunk = notices[k % notices.length].subarray(0, size - written);
      writeSync(fd, chunk);
      written += chunk.length;
    }
    closeSync(fd);
  }

  it('a 51 MiB file is over the default --max-bytes (exit 1) and parses with the limit raised', async () => {
    const file = join(big, 'big.txt');
    const size = 51 * 1024 * 1024;
    writeBig(file, size);
    const r = run(['parse', file]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, file, new RegExp(`: is ${size} bytes, over the limit of ${DEFAULT_MAX_BYTES} \\(raise it with --max-bytes\\)$`, 'm'));

    // Raised: parsed in-process, as the CLI would print hundreds of MB of JSON.
    const n = await parseNotice(await readInput(file, 64 * 1024 * 1024), { path: file });
    expect(n.source.bytes).toBe(size);
    expect(n.lists.length).toBeGreaterThan(1000);
    expect(Notice.safeParse(n).success).toBe(true);
  }, 180_000);

  it('one line of 10 MB parses to a notice without a task list', async () => {
    const line = Buffer.from('为深入贯彻落实市委市政府决策部署，'.repeat(Math.ceil((10 * 1024 * 1024) / 51)));
    const n = await parseNotice(line, { path: 'one-line.txt' });
    expect(n.lists).toEqual([]);
    expect(n.diagnostics.map((d) => d.code)).toContain('no-task-list');
    expect(Notice.safeParse(n).success).toBe(true);
  }, 120_000);

  // Trimming a run that is not at the end once rescanned the run from each of its
  // characters: a megabyte of spaces inside one line never finished.
  it('megabyte runs of spaces and separators inside a line parse', async () => {
    const runs = `1.加强工作${' '.repeat(1 << 20)}${'，'.repeat(1 << 20)}${'\u3000'.repeat(1 << 20)}落实（市财政局负责）\n2.推进工作（市教育局负责）\n`;
    const n = await parseNotice(Buffer.from(runs), { path: 'runs.txt' });
    expect(n.lists.flatMap((l) => l.tasks.map((t) => t.implementing))).toEqual([['市财政局'], ['市教育局']]);
  }, 120_000);

  it('200,000 numbered lines give 200,000 tasks', async () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `${(i % 999) + 1}.推进第${i + 1}项工作（市财政局负责）`).join('\n');
    const n = await parseNotice(Buffer.from(text), { path: 'numbered.txt' });
    const tasks = n.lists.flatMap((l) => l.tasks);
    expect(tasks).toHaveLength(200_000);
    expect(tasks[199_999]).toMatchObject({ seq: String((199_999 % 999) + 1), text: '推进第200000项工作', implementing: ['市财政局'] });
    expect(Notice.safeParse(n).success).toBe(true);
  }, 120_000);

  // Shapes that once cost a pass over the rest of the text for each bracket, rule or line
  // (or a stack frame each): read once, they parse like any other text of their size.
  it.each([
    ['20,000 labelled brackets closing one item', `1.加强工作${'(牵头单位:市财政局)'.repeat(20_000)}\n2.推进工作（市教育局负责）\n`],
    ['20,000 deadline brackets closing one item', `1.加强工作（市财政局负责）${'(2021年底前)'.repeat(20_000)}\n`],
    ['40,000 grid rules', '+----+----+\n'.repeat(40_000)],
    ['a grid rule of 100,000 columns over a row of as many walls', `${'+-'.repeat(100_000)}+\n${'|a'.repeat(100_000)}|\n`],
    ['a unit list wrapped over 80,000 lines', `1.加强工作。\n牵头单位：市财政局、\n${'市教育局、\n'.repeat(80_000)}`],
    ['20,000 deadline labels whose milestones go on after ；', '完成时限：一季度启动；\n二季度推进；\n'.repeat(10_000)],
    ['20,000 labels left open over a date', '完成时限：\n2023年底前\n'.repeat(10_000)],
    ['ideographic-space rows between short lines', `序号\u3000任务\u3000单位\n${'1\u3000推进\u3000市财政局\n短行\n'.repeat(50_000)}`],
  ])('%s parses', async (_, text) => {
    const n = await parseNotice(Buffer.from(text), { path: 'shape.txt' });
    expect(Notice.safeParse(n).success).toBe(true);
  }, 120_000);

  it.each([
    ['one line of 400,000 pipes', '|a'.repeat(200_000)],
    ['a pipe row over 100,000 blank lines', `| 序号 | 任务 |${'\n'.repeat(100_000)}| 1 | 推进 |\n`],
    ['a delimiter row padded with 100,000 spaces', `| 序号 | 任务 |\n${' '.repeat(100_000)}|---|---|\n| 1 | 推进 |\n`],
    ['a delimiter row with 100,000 spaces inside', `| 序号 | 任务 |\n|---${' '.repeat(100_000)}x |\n| 1 | 推进 |\n`],
  ])('Markdown: %s parses', async (_, text) => {
    const n = await parseNotice(Buffer.from(text), { path: 'shape.md' });
    expect(Notice.safeParse(n).success).toBe(true);
  }, 120_000);
});
