import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import ICAL from 'ical.js';
import type { Root, Table } from 'mdast';
import { parseNotice } from '../src/parse.js';
import { writerFor, FORMATS } from '../src/write/index.js';
import { CSV_COLUMNS, byDue, csvRows, neutralize } from '../src/write/csv.js';
import { summary } from '../src/write/ics.js';
import type { Deadline, Notice, Task } from '../src/model/schema.js';

const seedsDir = new URL('../fixtures/seeds/', import.meta.url).pathname;
const seeds: Notice[] = [];

beforeAll(async () => {
  for (const f of readdirSync(seedsDir).sort()) seeds.push(await parseNotice(readFileSync(join(seedsDir, f)), { path: f }));
});

const seed = (prefix: string) => seeds.find((n) => n.source.path!.startsWith(prefix))!;
const tasksOf = (n: Notice) => n.lists.flatMap((l) => l.tasks.map((t) => ({ list: l, t })));

async function write(format: string, notices: Notice[], bom = false): Promise<string> {
  const w = await writerFor(format);
  if (!w) throw new Error(`no writer ${format}`);
  return w.write(notices, { bom });
}

const dl = (raw: string, due: string | null): Deadline => ({ raw, kind: due ? 'date' : 'ongoing', due, inText: false });

function withTask(base: Notice, patch: Partial<Task>): Notice {
  const copy = structuredClone(base);
  Object.assign(copy.lists[0].tasks[0], patch);
  return copy;
}

describe('writer registry', () => {
  it('registers every issue-5 format, and aliases', async () => {
    expect(FORMATS).toEqual(expect.arrayContaining(['json', 'yaml', 'csv', 'md', 'ndjson', 'ics']));
    for (const [alias, name] of [['yml', 'yaml'], ['markdown', 'md'], ['jsonl', 'ndjson']]) expect((await writerFor(alias))?.name).toBe(name);
    expect(await writerFor('xml')).toBeNull();
  });
});

describe('csv', () => {
  it('neutralizes cells Excel would run as formulas', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx']) expect(neutralize(s)).toBe(`'${s}`);
    expect(neutralize('一、任务')).toBe('一、任务');
  });

  it('orders milestones by due date, undated last, ties in printed order', () => {
    const order = byDue([dl('持续', null), dl('6月底', '2018-06-30'), dl('3月', '2018-03-31'), dl('长期', null), dl('6月', '2018-06-30')]).map((d) => d.raw);
    expect(order).toEqual(['3月', '6月底', '6月', '持续', '长期']);
  });

  it('round-trips every seed through csv-parse, BOM and all, to the same tasks', async () => {
    const csv = await write('csv', seeds, true);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const records = parseCsv(csv, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
    const expected = seeds.flatMap(tasksOf);
    expect(records).toHaveLength(expected.length);
    expect(Object.keys(records[0])).toEqual([...CSV_COLUMNS]);
    records.forEach((r, i) => {
      const { list, t } = expected[i];
      const dls = byDue(t.deadlines);
      expect(r).toEqual({
        file: expect.any(String),
        list_title: list.title ?? '',
        id: t.id,
        seq: t.seq ?? '',
        sections: t.sections.join(' > '),
        title: t.title ?? '',
        text: neutralize(t.text),
        lead: t.lead.join(';'),
        implementing: t.implementing.join(';'),
        deadline_raw: dls.map((d) => d.raw).join(';'),
        deadline_kind: dls.map((d) => d.kind).join(';'),
        deadline_due: dls.map((d) => d.due ?? '').join(';'),
        line: String(t.line ?? ''),
      });
    });
  });

  it('writes a formula in task text as inert text, and quotes commas, quotes and newlines (RFC 4180)', async () => {
    const notice = withTask(seed('001'), { text: '=1+1', title: 'a "quoted", multi\nline title' });
    const csv = await write('csv', [notice]);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const rows = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(rows[0].text).toBe("'=1+1");
    expect(rows[0].title).toBe('a "quoted", multi\nline title');
    expect(csvRows(notice)[0][6]).toBe("'=1+1");
  });

  it('a notice without tasks is a header only', async () => {
    expect(await write('csv', [seed('003')])).toBe(CSV_COLUMNS.join(',') + '\r\n');
  });
});

describe('markdown', () => {
  const parseMd = (md: string) => unified().use(remarkParse).use(remarkGfm).parse(md) as Root;

  it('renders seed 002 as a GFM table with a row per task', async () => {
    const notice = seed('002');
    const tree = parseMd(await write('md', [notice]));
    const tables = tree.children.filter((n): n is Table => n.type === 'table');
    expect(tables).toHaveLength(notice.lists.length);
    expect(tables[0].children).toHaveLength(notice.lists[0].tasks.length + 1);
    const header = tables[0].children[0].children.map((c) => (c.children[0] as { value: string }).value);
    expect(header).toEqual(['#', 'Section', 'Task', 'Lead', 'Implementing', 'Deadline', 'Due']);
    const heading = tree.children.find((n) => n.type === 'heading' && n.depth === 1);
    expect(JSON.stringify(heading)).toContain(notice.meta.title!);
  });

  it('keeps pipes and newlines inside their cell', async () => {
    const notice = withTask(seed('002'), { text: 'a | b\nc' });
    const tree = parseMd(await write('md', [notice]));
    const table = tree.children.find((n): n is Table => n.type === 'table')!;
    const widths = new Set(table.children.map((r) => r.children.length));
    expect(widths).toEqual(new Set([7]));
    const cell = table.children[1].children[2];
    expect(cell.children.map((c) => ('value' in c ? c.value : '')).join('')).toBe('a | b\nc');
  });

  it('says so when a notice has no task list', async () => {
    expect(await write('md', [seed('003')])).toContain('No task list found.');
  });
});

describe('ndjson', () => {
  it('one task a line, each with its notice id and meta', async () => {
    const out = await write('ndjson', seeds);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(seeds.reduce((n, s) => n + tasksOf(s).length, 0));
    const first = seeds[0];
    expect(lines[0]).toMatchObject({ notice: first.source.sha256, file: first.source.path, meta: first.meta, list: { index: 1, title: first.lists[0].title }, id: 'L1-T1' });
    expect(await write('ndjson', [seed('003')])).toBe('');
  });
});

describe('ics', () => {
  it('parses back: one VTODO per dated deadline, DATE-valued DUE, stable UIDs', async () => {
    const notice = seed('000');
    const text = await write('ics', [notice]);
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//fengong//CN');
    const todos = cal.getAllSubcomponents('vtodo');
    const dated = tasksOf(notice).flatMap(({ t }) => t.deadlines.filter((d) => d.due !== null).map((d) => ({ t, d })));
    expect(todos).toHaveLength(dated.length);
    expect(dated.length).toBeGreaterThan(0);
    todos.forEach((todo, i) => {
      const { t, d } = dated[i];
      const due = todo.getFirstPropertyValue('due') as ICAL.Time;
      expect(due.isDate).toBe(true);
      expect(due.toString()).toBe(d.due);
      expect(todo.getFirstPropertyValue('summary')).toBe(summary(t));
      const description = String(todo.getFirstPropertyValue('description'));
      for (const u of [...t.lead, ...t.implementing]) expect(description).toContain(u);
      expect(description).toContain(notice.meta.title!);
    });
    const uids = todos.map((t) => t.getFirstPropertyValue('uid'));
    expect(new Set(uids).size).toBe(uids.length);
    expect(await write('ics', [notice])).toBe(text);
  });

  it('summary prefers the title, else the first clause of the text, cut short', () => {
    const t = tasksOf(seed('000'))[0].t;
    expect(summary({ ...t, title: '短标题' })).toBe('短标题');
    expect(summary({ ...t, title: null, text: '第一句。第二句' })).toBe('第一句');
    expect(summary({ ...t, title: null, text: '长'.repeat(100) })).toHaveLength(40);
  });
});
