import { describe, it, expect } from 'vitest';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseNotice } from '../src/parse.js';
import { buildUnitView, filterUnits } from '../src/units-view/build.js';
import { unitsCsv } from '../src/units-view/render.js';
import { run } from './cli-helpers.js';

const seed000 = () => parseNotice(readFileSync('fixtures/seeds/000_01622556c790d653.txt'), { path: '000.txt' });

// Another city's notice that prints 市发展改革委 as 市发改委 and 市财政局 the same way.
const other = `某市人民政府办公室关于印发2018年重点工作任务分工的通知
某政办〔2018〕7号
某市2018年重点工作任务分工
一、优化营商环境
1.全面推行企业开办一网通办,压缩开办时间至3个工作日以内。(市发改委牵头,市市场监管局、市财政局负责)
2.于2018年5月底前公布涉企收费目录清单。(市财政局牵头,市发改委负责)
某市人民政府办公室
2018年3月1日
`;

describe('per-unit view', () => {
  it("lists 市财政局's tasks from seed 000 with their deadlines, earliest first", async () => {
    const entries = buildUnitView([await seed000()]);
    const [caizheng] = filterUnits(entries, '市财政局');
    expect(caizheng.unit).toBe('市财政局');
    expect(caizheng.tasks.map((t) => [t.seq, t.role, t.due])).toEqual([
      ['6', 'lead', '2018-12-31'],
      ['12', 'implementing', '2018-12-31'],
      ['24', 'implementing', null],
    ]);
    expect(caizheng.tasks[0].deadlines[0].raw).toBe('全年');
  });

  it('the same unit written two ways in two notices lands in one entry', async () => {
    const second = await parseNotice(Buffer.from(other), { path: 'other.txt' });
    const entries = buildUnitView([await seed000(), second]);
    const fgw = entries.filter((e) => e.names.includes('市发改委') || e.names.includes('市发展改革委'));
    expect(fgw).toHaveLength(1);
    expect(fgw[0].names).toEqual(expect.arrayContaining(['市发展改革委', '市发改委']));
    expect(fgw[0].tasks[0].due).toBe('2018-05-31');
  });

  it('--unit finds a department by any alias, and a level prefix narrows it', async () => {
    const entries = buildUnitView([await seed000()]);
    expect(filterUnits(entries, '发展和改革委员会').map((e) => e.unit)).toEqual(['市发展改革委']);
    expect(filterUnits(entries, '县发改委')).toEqual([]);
  });

  it('csv neutralizes formula-like cells', () => {
    const csv = unitsCsv([{ unit: '=cmd', names: ['=cmd'], collective: false, leads: 1, implements: 0, tasks: [{ notice: null, file: null, taskId: 'L1-T1', seq: '1', role: 'lead', text: '+SUM(A1)', due: null, deadlines: [], lead: [] }] }]);
    expect(csv).toContain("'=cmd");
    expect(csv).toContain("'+SUM(A1)");
  });

  it('fengong units reads a folder fengong convert wrote, manifest and all', () => {
    const out = mkdtempSync(join(tmpdir(), 'fengong-units-'));
    expect(run(['convert', 'fixtures/seeds', '-o', out, '-q']).code).toBe(0);
    const r = run(['units', out, '--unit', '市财政局', '--to', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('unit,role,due,deadline,seq,task,notice,file');
    expect(r.stdout).toContain('市财政局,牵头,2018-12-31,全年,6,');
  });

  it('fengong units reads notices and outputs from the command line', () => {
    const r = run(['units', 'fixtures/seeds/000_01622556c790d653.txt', '--unit', '市财政局', '--to', 'json']);
    expect(r.code).toBe(0);
    const [entry] = JSON.parse(r.stdout);
    expect(entry.unit).toBe('市财政局');
    expect(entry.leads).toBe(1);
  });
});
