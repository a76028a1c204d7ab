import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseNotice } from '../src/parse.js';
import { ownerName } from '../src/detect/owner.js';

/** Parses a notice written inline and returns its tasks in a compact, comparable form. */
async function tasksOf(text: string) {
  const notice = await parseNotice(Buffer.from(text), { path: 't.txt' });
  return notice.lists.flatMap((l) =>
    l.tasks.map((t) => ({ seq: t.seq, text: t.text.slice(0, 8), lead: t.lead, implementing: t.implementing, due: t.deadlines.map((d) => d.due) })),
  );
}

const HEAD = '某市人民政府办公室关于印发2021年重点工作任务分工的通知\n某市2021年重点工作任务分工\n';

describe('layout shapes', () => {
  it('labels several to a line, and 【】 labels', async () => {
    expect(
      await tasksOf(`${HEAD}一、优化服务
1.推进政务服务一网通办,提升网办率。
牵头单位:市政务服务中心 责任单位:各县区政府 完成时限:2021年6月底前
2.完善企业开办服务,压缩开办时间。
【牵头单位】市市场监管局
【责任单位】市税务局、市公安局
【完成时限】9月底前
`),
    ).toEqual([
      { seq: '1', text: '推进政务服务一网', lead: ['市政务服务中心'], implementing: ['各县区政府'], due: ['2021-06-30'] },
      { seq: '2', text: '完善企业开办服务', lead: ['市市场监管局'], implementing: ['市税务局', '市公安局'], due: ['2021-09-30'] },
    ]);
  });

  it('a flattened table whose rows keep the number and the first cell on one line', async () => {
    expect(
      await tasksOf(`${HEAD}序号
工作任务
责任单位
完成时限
1 推进政务服务一网通办,提升网办率。
市政务服务中心牵头,各县区政府负责
2021年6月底前
2 完善企业开办服务,压缩开办时间。
市市场监管局
全年
`),
    ).toEqual([
      { seq: '1', text: '推进政务服务一网', lead: ['市政务服务中心'], implementing: ['各县区政府'], due: ['2021-06-30'] },
      { seq: '2', text: '完善企业开办服务', lead: [], implementing: ['市市场监管局'], due: ['2021-12-31'] },
    ]);
  });

  it('long header words and columns in another order', async () => {
    expect(
      await tasksOf(`${HEAD}序号
主要工作任务及目标
配合单位
牵头单位
完成时限
1
推进政务服务一网通办,提升网办率。
各县区政府
市政务服务中心
2021年6月底前
2
完善企业开办服务,压缩开办时间。
市税务局、市公安局
市市场监管局
持续推进
`),
    ).toEqual([
      { seq: '1', text: '推进政务服务一网', lead: ['市政务服务中心'], implementing: ['各县区政府'], due: ['2021-06-30'] },
      { seq: '2', text: '完善企业开办服务', lead: ['市市场监管局'], implementing: ['市税务局', '市公安局'], due: [null] },
    ]);
  });

  it('an item whose unit clause sits on its own line', async () => {
    expect(
      await tasksOf(`${HEAD}一、优化服务
(一)推进政务服务一网通办,提升网办率。
(市政务服务中心牵头,各县区政府负责)
(二)完善企业开办服务,压缩开办时间。
(市市场监管局负责)
`),
    ).toEqual([
      { seq: '1', text: '推进政务服务一网', lead: ['市政务服务中心'], implementing: ['各县区政府'], due: [] },
      { seq: '2', text: '完善企业开办服务', lead: [], implementing: ['市市场监管局'], due: [] },
    ]);
  });

  it('items whose unit clause closes a title line, with the text in the paragraphs below', async () => {
    const notice = await parseNotice(
      Buffer.from(`${HEAD}一、优化服务
(一)推进政务服务一网通办(市政务服务中心牵头,各县区政府负责)
提升网办率,年底前实现高频事项全程网办。
(二)完善企业开办服务(市市场监管局负责)
压缩开办时间至1个工作日。
二、加强保障
(三)强化督查考核(市政府督查室负责)
将落实情况纳入年度考核。
`),
      { path: 't.txt' },
    );
    const tasks = notice.lists.flatMap((l) => l.tasks);
    expect(tasks.map((t) => [t.seq, t.title, t.text.slice(0, 6), t.lead, t.implementing])).toEqual([
      ['1', '推进政务服务一网通办', '提升网办率,', ['市政务服务中心'], ['各县区政府']],
      ['2', '完善企业开办服务', '压缩开办时间', [], ['市市场监管局']],
      ['3', '强化督查考核', '将落实情况纳', [], ['市政府督查室']],
    ]);
    expect(tasks[0].deadlines.map((d) => d.due)).toEqual(['2021-12-31']);
  });

  it('a deadline in brackets of its own after the unit clause', async () => {
    expect(
      await tasksOf(`${HEAD}1.推进政务服务一网通办,提升网办率。(市政务服务中心牵头,各县区政府负责)(2021年6月底前)
2.完善企业开办服务,压缩开办时间。(市市场监管局负责)(持续推进)
`),
    ).toEqual([
      { seq: '1', text: '推进政务服务一网', lead: ['市政务服务中心'], implementing: ['各县区政府'], due: ['2021-06-30'] },
      { seq: '2', text: '完善企业开办服务', lead: [], implementing: ['市市场监管局'], due: [null] },
    ]);
  });

  it('a flattened table with no 序号 column: rows end at their deadline cell', async () => {
    expect(
      await tasksOf(`${HEAD}工作任务
责任单位
完成时限
一、优化服务
推进政务服务一网通办,提升网办率。
市政务服务中心牵头,各县区政府负责
2021年6月底前
2021年12月底前
完善企业开办服务,压缩开办时间。
市市场监管局
全年
二、加强保障
强化督查考核,纳入年度考核。
市政府督查室
持续推进
`),
    ).toEqual([
      { seq: null, text: '推进政务服务一网', lead: ['市政务服务中心'], implementing: ['各县区政府'], due: ['2021-06-30', '2021-12-31'] },
      { seq: null, text: '完善企业开办服务', lead: [], implementing: ['市市场监管局'], due: ['2021-12-31'] },
      { seq: null, text: '强化督查考核,纳', lead: [], implementing: ['市政府督查室'], due: [null] },
    ]);
  });

  it('cells that fit no column are left out with a warning naming the row and line', async () => {
    const notice = await parseNotice(
      Buffer.from(`${HEAD}序号
工作任务
责任单位
完成时限
1
推进政务服务一网通办,提升网办率。
市政务服务中心
2021年6月底前
2
完善企业开办服务,压缩开办时间。
市市场监管局
全年
附件下载:任务分工表.xls
`),
      { path: 't.txt' },
    );
    expect(notice.lists[0].tasks).toHaveLength(2);
    expect(notice.diagnostics).toContainEqual({
      severity: 'warning',
      code: 'row-cells',
      message: 'row 2: 1 cell(s) fit no column of the header and were left out: "附件下载:任务分工表.xls"',
      line: 15,
    });
  });

  it('bare unit names after paragraphs make tasks only in a notice that assigns tasks', async () => {
    const body = `一、主要工作
1.深化放管服改革,压缩企业开办时间至1个工作日。(市市场监管局)
2.推进政务服务一网通办,网办率达到95%。(市政务服务中心)
`;
    expect(await tasksOf(`某市2021年营商环境工作总结
${body}`)).toEqual([]);
    expect((await tasksOf(`某市人民政府办公室关于印发2021年营商环境重点任务分工的通知
${body}`)).map((t) => t.implementing)).toEqual([['市市场监管局'], ['市政务服务中心']]);
  });

  it('a label after a comma, and a deadline label after a space inside the clause', async () => {
    expect(
      await tasksOf(`${HEAD}1.全面排查易涝积水点，建立整治台账，责任单位：市住建局、市城管局
2.实施河道清淤疏浚。(责任单位:市水务局 完成时限:2024年底)
`),
    ).toEqual([
      { seq: '1', text: '全面排查易涝积水', lead: [], implementing: ['市住建局', '市城管局'], due: [] },
      { seq: '2', text: '实施河道清淤疏浚', lead: [], implementing: ['市水务局'], due: ['2024-12-31'] },
    ]);
  });

  it('a two-row header: 责任单位 spanning 牵头单位 and 配合单位, flattened or as a real table', async () => {
    const want = [
      { seq: '1', text: '推进政务服务一网', lead: ['市政务服务中心'], implementing: ['各县区政府'], due: ['2021-06-30'] },
      { seq: '2', text: '完善企业开办服务', lead: ['市市场监管局'], implementing: ['市税务局', '市公安局'], due: ['2021-12-31'] },
    ];
    expect(
      await tasksOf(`${HEAD}序号
工作任务
责任单位
完成时限
牵头单位
配合单位
1
推进政务服务一网通办，提升网办率。
市政务服务中心
各县区政府
2021年6月底前
2
完善企业开办服务，压缩开办时间。
市市场监管局
市税务局、市公安局
全年
`),
    ).toEqual(want);
    const html = await parseNotice(readFileSync('fixtures/formats/extra/two-row-header.html'), { path: 'two-row-header.html' });
    expect(html.lists[0].tasks.map((t) => ({ seq: t.seq, text: t.text.slice(0, 8), lead: t.lead, implementing: t.implementing, due: t.deadlines.map((d) => d.due) }))).toEqual(want);
  });

  it('task cards: a name line, a 工作内容 line that may wrap, then labelled units and deadlines', async () => {
    const notice = await parseNotice(Buffer.from(`${HEAD}一、源头治理
任务1：道路扬尘治理
工作内容：城区主干道每日机扫两次，
重点路段增加洒水频次。
牵头单位：市城管局
配合单位：市交通局、各区政府
完成时限：2021年5月底前
任务2：餐饮油烟整治
主要内容：餐饮单位油烟净化设施安装率达到100%。
责任单位：市市场监管局
完成时限：全年
`), { path: 't.txt' });
    expect(notice.lists[0].tasks.map((t) => [t.seq, t.title, t.text, t.lead, t.implementing, t.deadlines.map((d) => d.due)])).toEqual([
      ['1', '道路扬尘治理', '城区主干道每日机扫两次，\n重点路段增加洒水频次。', ['市城管局'], ['市交通局', '各区政府'], ['2021-05-31']],
      ['2', '餐饮油烟整治', '餐饮单位油烟净化设施安装率达到100%。', [], ['市市场监管局'], ['2021-12-31']],
    ]);
  });

  it('an item whose long first line wraps without punctuation before its clause', async () => {
    expect(
      await tasksOf(`${HEAD}一、农业面源治理
1、推进化肥农药减量增效行动，建设绿色防控示范区十个，主要农作物病虫害绿色防控覆盖率稳定在
50%以上。【牵头单位：县农业农村局；配合单位：各乡镇】
2、开展农膜回收行动。【牵头单位：县供销社】
`),
    ).toEqual([
      { seq: '1', text: '推进化肥农药减量', lead: ['县农业农村局'], implementing: ['各乡镇'], due: [] },
      { seq: '2', text: '开展农膜回收行动', lead: ['县供销社'], implementing: [], due: [] },
    ]);
  });

  it('a table of figures by unit is not a task list, even with 序号 and 单位 columns', async () => {
    const rows = [['东城区', '3210', '98.5%', '96.0'], ['西城区', '2875', '97.1%', '94.2'], ['市水务局', '640', '99.0%', '95.5']];
    const text = `某市2020年第三季度政务热线办理情况通报\n\n序号\n\n单位\n\n受理量（件）\n\n办结率\n\n得分\n\n${rows.map((r, i) => [String(i + 1), ...r].join('\n\n')).join('\n\n')}\n`;
    const notice = await parseNotice(Buffer.from(text), { path: 't.txt' });
    expect(notice.lists).toEqual([]);
  });

  it('a 牵头市领导 column holds people with their posts, not the lead units', async () => {
    const head = ['序号', '重点任务', '牵头市领导', '牵头单位', '配合单位', '时间节点'];
    const rows = [
      ['1', '建设新能源汽车产业园，引进整车项目1个。', '市委常委、副市长　李明', '市发改委', '市商务局、各区政府', '2022年9月底前'],
      ['2', '培育锂电池材料企业集群，新增规上企业5家。', '市委常委、常务副市长　周强', '市工信局', '市科技局', '全年'],
    ];
    const notice = await parseNotice(Buffer.from(`${HEAD}\n${[head, ...rows].flat().join('\n\n')}\n`), { path: 't.txt' });
    expect(notice.lists[0].tasks.map((t) => [t.lead, t.implementing])).toEqual([
      [['市发改委'], ['市商务局', '各区政府']],
      [['市工信局'], ['市科技局']],
    ]);
  });

  it('a bracketed unit clause alone on the line after its item', async () => {
    expect(
      await tasksOf(`${HEAD}一、民生保障
1.扩大养老服务供给，新增床位500张。
（责任单位：市民政局，各区人民政府）
2.完善社会救助体系。（市民政局牵头）
`),
    ).toEqual([
      { seq: '1', text: '扩大养老服务供给', lead: [], implementing: ['市民政局', '各区人民政府'], due: [] },
      { seq: '2', text: '完善社会救助体系', lead: ['市民政局'], implementing: [], due: [] },
    ]);
  });

  it('a flattened table that runs over a page: the repeated header does not cut the row in two', async () => {
    const header = ['序号', '工作任务', '牵头单位', '完成时限'];
    const cells = [
      ...header, '1', '新建社区食堂20个，覆盖主城区。', '市民政局', '2021年6月底前',
      '2', '改造老旧小区燃气管网80公里。', '— 2 —', ...header, '市住建局', '2021年10月底前',
      '3', '建设口袋公园15个。', '市园林局', '全年',
    ];
    const notice = await parseNotice(Buffer.from(`${HEAD}\n${cells.join('\n')}\n`), { path: 't.txt' });
    expect(notice.lists.map((l) => l.tasks.map((t) => [t.seq, t.lead, t.deadlines.map((d) => d.due)]))).toEqual([
      [['1', ['市民政局'], ['2021-06-30']], ['2', ['市住建局'], ['2021-10-31']], ['3', ['市园林局'], ['2021-12-31']]],
    ]);
  });

  it('a real table: a Chinese numeral in the 序号 cell beside a merged heading is a section row; blank category cells carry down', async () => {
    const md = `${HEAD}
| 序号 | 类别 | 工作任务 | 牵头单位 | 完成时限 |
| --- | --- | --- | --- | --- |
| 一 | 政务服务 | 政务服务 | 政务服务 | 政务服务 |
| 1 | 便民服务 | 推行“一窗通办”改革。 | 市政务服务中心 | 6月底前 |
| 2 |  | 推广电子证照应用。 | 市数据局 | 全年 |
| 二 | 产业发展 | 产业发展 | 产业发展 | 产业发展 |
| 3 | 招商引资 | 举办招商推介会5场。 | 市商务局 | 年底前 |
`;
    const notice = await parseNotice(Buffer.from(md), { path: 't.md' });
    expect(notice.lists[0].tasks.map((t) => [t.seq, t.sections])).toEqual([
      ['1', ['一、政务服务', '便民服务']],
      ['2', ['一、政务服务', '便民服务']],
      ['3', ['二、产业发展', '招商引资']],
    ]);
  });

  it('an item that splits its work over two clauses, and an item that states its roles in its sentence', async () => {
    expect(
      await tasksOf(`${HEAD}一、城乡环境
1.深化环境整治，巩固创建成果（各区政府负责）；推进农贸市场改造（市商务局负责）。
2.由市水务局牵头，会同市财政局、市住建局制定排水防涝方案，2021年6月底前出台。
3.推进垃圾分类，新建投放点200个（含开发区）。（市城管局牵头）
`),
    ).toEqual([
      { seq: '1', text: '深化环境整治，巩', lead: [], implementing: ['各区政府', '市商务局'], due: [] },
      { seq: '2', text: '由市水务局牵头，', lead: ['市水务局'], implementing: ['市财政局', '市住建局'], due: ['2021-06-30'] },
      { seq: '3', text: '推进垃圾分类，新', lead: ['市城管局'], implementing: [], due: [] },
    ]);
  });

  it('roles in a sentence never make a list on their own: a report says 由…牵头,会同… too', async () => {
    const notice = await parseNotice(Buffer.from(`某区商务局2016年上半年工作总结
一、招商引资
1.由我局牵头，会同区财政局开展招商推介活动，引进项目5个。
2.由区商务局牵头，联合区市场监管局组织开展消费季活动。
`), { path: 't.txt' });
    expect(notice.lists).toEqual([]);
  });

  it('a 责任清单 by department: the heading is the unit, a 牵头任务/配合任务 subheading its role', async () => {
    const notice = await parseNotice(Buffer.from(`${HEAD}一、县农业农村局（3项）
（一）牵头任务
1．完成高标准农田建设2万亩。（2021年10月底前）
2．推进农村人居环境整治。（县住建局配合；长期）
（二）配合任务
1．配合做好粮食收储工作。（县发改局牵头；年底前）
二、县交通运输局（1项）
1．改造农村公路50公里。
`), { path: 't.txt' });
    expect(notice.lists[0].tasks.map((t) => [t.sections, t.lead, t.implementing, t.deadlines.map((d) => d.due)])).toEqual([
      [['一、县农业农村局（3项）', '（一）牵头任务'], ['县农业农村局'], [], ['2021-10-31']],
      [['一、县农业农村局（3项）', '（一）牵头任务'], ['县农业农村局'], ['县住建局'], [null]],
      [['一、县农业农村局（3项）', '（二）配合任务'], ['县发改局'], ['县农业农村局'], ['2021-12-31']],
      [['二、县交通运输局（1项）'], [], ['县交通运输局'], []],
    ]);
  });

  it('units on a heading go to every item below it when an item adds its own; a headline over sub-points stays one task', async () => {
    const grouped = await parseNotice(Buffer.from(`${HEAD}一、教育
（一）扩大学前教育资源（牵头单位：区教育局）
1．新建幼儿园5所。
2．提升普惠园占比。（责任单位：各街道办事处）
`), { path: 't.txt' });
    expect(grouped.lists[0].tasks.map((t) => [t.seq, t.sections, t.lead, t.implementing])).toEqual([
      ['1', ['一、教育', '（一）扩大学前教育资源'], ['区教育局'], []],
      ['2', ['一、教育', '（一）扩大学前教育资源'], ['区教育局'], ['各街道办事处']],
    ]);
    const headline = await parseNotice(Buffer.from(`${HEAD}一、教育
（一）扩大学前教育资源（牵头单位：区教育局）
1．新建幼儿园5所。
2．提升普惠园占比。
（二）深化教育改革（牵头单位：区教育局）
1．推进集团化办学。
2．开展教师交流。
`), { path: 't.txt' });
    expect(headline.lists[0].tasks.map((t) => [t.seq, t.text.slice(0, 8)])).toEqual([['1', '扩大学前教育资源'], ['2', '深化教育改革']]);
  });

  it.each([
    ['市发展改革委（5项）', '市发展改革委'],
    ['中国人民银行某市中心支行（1项）', '中国人民银行某市中心支行'],
    ['各县区人民政府', '各县区人民政府'],
    ['县域经济发展', null],
    ['各项工作要求', null],
    ['夯实基层党组织', null],
    ['市场主体培育', null],
  ])('a department heading %s owns tasks as %s', (rest, name) => {
    expect(ownerName(rest)).toBe(name);
  });

  it('hierarchical numbers: 1 / 1.1 rows of a flattened table, and 1.1 items under 1. headings', async () => {
    const cells = ['序号', '重点任务', '牵头单位', '完成时限', '1', '优化开办服务', '1.1', '压缩企业开办时间至2个工作日', '市市场监管局', '2021年6月底前', '1.2', '推行电子营业执照', '市市场监管局', '2021年9月底前', '2', '提升审批效率', '2.1', '推行联合验收', '市住建局', '2021年10月底前'];
    const table = await parseNotice(Buffer.from(`${HEAD}\n${cells.join('\n\n')}\n`), { path: 't.txt' });
    expect(table.lists[0].tasks.map((t) => [t.seq, t.sections, t.deadlines.map((d) => d.due)])).toEqual([
      ['1.1', ['优化开办服务'], ['2021-06-30']],
      ['1.2', ['优化开办服务'], ['2021-09-30']],
      ['2.1', ['提升审批效率'], ['2021-10-31']],
    ]);
    const inline = await tasksOf(`${HEAD}1.源头减量
1.1推行净菜上市，减少厨余垃圾1.05公斤。（市农业农村局牵头）
1.2 限制过度包装。（市市场监管局负责）
`);
    expect(inline.map((t) => [t.seq, t.lead, t.implementing])).toEqual([['1.1', ['市农业农村局'], []], ['1.2', [], ['市市场监管局']]]);
  });

  it('a progress report on tasks handed out earlier is not a task list; a notice that hands them out keeps its progress column', async () => {
    const table = '| 序号 | 工作任务 | 牵头单位 | 完成时限 | 完成情况 |\n| --- | --- | --- | --- | --- |\n| 1 | 新建学校3所 | 市教育局 | 2020年8月底前 | 已完成 |\n| 2 | 改造老旧小区20个 | 市住建局 | 2020年9月底前 | 正在推进 |\n';
    const report = await parseNotice(Buffer.from(`某市人民政府督查室关于2020年上半年重点工作推进情况的通报\n\n${table}`), { path: 't.md' });
    expect(report.lists).toEqual([]);
    const notice = await parseNotice(Buffer.from(`某市人民政府办公室关于印发2020年重点工作推进清单的通知\n\n${table}`), { path: 't.md' });
    expect(notice.lists[0].tasks).toHaveLength(2);
    const citing = await parseNotice(Buffer.from(`某市人民政府办公室关于2020年重点工作完成情况的通报\n围绕《某市人民政府办公室关于印发2020年重点工作推进清单的通知》确定的任务，现将有关情况通报如下：\n\n${table}`), { path: 't.md' });
    expect(citing.lists).toEqual([]);
  });

  it('numbered headings between a list title and its tables enclose the tables\' tasks', async () => {
    const md = `## 某市2023年无废城市建设任务清单\n\n### 一、工业固废减量\n\n| 序号 | 工作任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- | --- |\n| 1 | 建设固废利用项目2个 | 市工信局 | 2023年 |\n\n### 二、生活垃圾治理\n\n| 序号 | 工作任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- | --- |\n| 2 | 新建分类投放点300个 | 市城管局 | 2023年6月 |\n`;
    const notice = await parseNotice(Buffer.from(md), { path: 't.md' });
    expect(notice.lists.flatMap((l) => l.tasks.map((t) => [t.seq, t.sections]))).toEqual([
      ['1', ['一、工业固废减量']],
      ['2', ['二、生活垃圾治理']],
    ]);
  });

  it('units after a dash, bracketed labels with values outside, a label before the text, a number alone on its line', async () => {
    expect(
      await tasksOf(`${HEAD}一）市容整治
1．清理占道经营行为。——区城管局牵头，各街道办事处落实；国庆节前
2．
整治背街小巷环境卫生。——各街道办事处；2021年6月底前
3．开展家电以旧换新活动。（牵头单位）区商务局（责任单位）区财政局（完成时限）年底
4．牵头单位：区卫健委　推进医共体建设。（配合单位：区医保局；完成时限：2021年9月底前）
`),
    ).toEqual([
      { seq: '1', text: '清理占道经营行为', lead: ['区城管局'], implementing: ['各街道办事处'], due: [null] },
      { seq: '2', text: '整治背街小巷环境', lead: [], implementing: ['各街道办事处'], due: ['2021-06-30'] },
      { seq: '3', text: '开展家电以旧换新', lead: ['区商务局'], implementing: ['区财政局'], due: ['2021-12-31'] },
      { seq: '4', text: '推进医共体建设。', lead: ['区卫健委'], implementing: ['区医保局'], due: ['2021-09-30'] },
    ]);
  });

  it('a schedule table: the last quarter a row marks is its deadline', async () => {
    const html = `<p>${HEAD}</p><table>
<tr><td rowspan="2">序号</td><td rowspan="2">重点任务</td><td rowspan="2">牵头单位</td><td colspan="4">进度安排</td></tr>
<tr><td>一季度</td><td>二季度</td><td>三季度</td><td>四季度</td></tr>
<tr><td colspan="7">一、城市更新</td></tr>
<tr><td>1</td><td>改造老旧小区50个。</td><td>市住建局</td><td>完成设计</td><td>√</td><td></td><td></td></tr>
<tr><td>2</td><td>新建停车泊位2000个。</td><td>市城管局</td><td>√</td><td></td><td></td><td>√</td></tr>
</table>`;
    const notice = await parseNotice(Buffer.from(html), { path: 't.html' });
    expect(notice.lists[0].tasks.map((t) => [t.seq, t.sections, t.deadlines.map((d) => d.due)])).toEqual([
      ['1', ['一、城市更新'], ['2021-06-30']],
      ['2', ['一、城市更新'], ['2021-12-31']],
    ]);
  });

  it('a sheet copied as text: space-aligned columns whose long cells wrap under their own column', async () => {
    const text = `${HEAD}
序号  重点工作                          牵头单位      完成时限
1     修订安全生产责任制规定，制定      市应急局      2021年6月底前
      部门监管责任清单。
2     开展危化品综合治理，完成重大      市应急局      年底
      危险源在线监测联网。
`;
    expect(await tasksOf(text)).toEqual([
      { seq: '1', text: '修订安全生产责任', lead: ['市应急局'], implementing: [], due: ['2021-06-30'] },
      { seq: '2', text: '开展危化品综合治', lead: ['市应急局'], implementing: [], due: ['2021-12-31'] },
    ]);
  });

  it('a table of rows split by runs of spaces, whose long cells wrap onto lines of their own', async () => {
    const text = `${HEAD}
序号  工作任务  责任单位  完成时限
一、排查隐患
1  全面排查燃气经营企业，建立隐患整改清单。  区住建局  2021年6月底前
2  开展瓶装液化气专项检查，依法取缔无证站点，    区住建局牵头，区公安分局配合  持续推进
    坚决查处非法充装行为。
3  推进餐饮场所燃气整治，督促安装可燃气体  区商务局、区市场监管局    2021年9月底前
报警装置和紧急切断装置。
二、应急处置
4  组织开展燃气事故应急演练。  区应急局  2021年上半年
`;
    const tasks = (await parseNotice(Buffer.from(text), { path: 't.txt' })).lists.flatMap((l) => l.tasks);
    expect(tasks.map((t) => [t.seq, t.sections, t.lead, t.implementing, t.deadlines.map((d) => d.due)])).toEqual([
      ['1', ['一、排查隐患'], [], ['区住建局'], ['2021-06-30']],
      ['2', ['一、排查隐患'], ['区住建局'], ['区公安分局'], [null]],
      ['3', ['一、排查隐患'], [], ['区商务局', '区市场监管局'], ['2021-09-30']],
      ['4', ['二、应急处置'], [], ['区应急局'], ['2021-06-30']],
    ]);
    expect(tasks[1].text).toBe('开展瓶装液化气专项检查，依法取缔无证站点，坚决查处非法充装行为。');
    expect(tasks[2].text).toBe('推进餐饮场所燃气整治，督促安装可燃气体报警装置和紧急切断装置。');
  });

  it('a table copied out of a PDF: cells broken mid-word at their column width join up; a title line above 序号 is no column', async () => {
    const text = `${HEAD}
— 1 —

附件
某市2021年湿地保护
重点任务分工
序号
工作任务
牵头单位
配合单位
完成时限
1
编制湿地保护规划，明确核心区、缓冲区管
控要求，按程序报市政府审批。
市湿地保护管理
中心
市自然资源和规划
局、市生态环境局
2021年9月底前
2
开展湿地资源调查，建立生物多样性监测数
据库。
市自然资源和规划
局

— 2 —

2021年6月底前完
成调查；2021年12
月底前建成数据库
3
实施退渔还湿工程，恢复自然湿地面积不少
于3000亩。
市农业农村局
市水利局、沿海各
乡镇人民政府
2021年12月
`;
    const notice = await parseNotice(Buffer.from(text), { path: 't.txt' });
    const [list] = notice.lists;
    expect(list.columns).toEqual(['序号', '工作任务', '牵头单位', '配合单位', '完成时限']);
    expect(list.tasks.map((t) => [t.seq, t.lead, t.implementing, t.deadlines.map((d) => d.due)])).toEqual([
      ['1', ['市湿地保护管理中心'], ['市自然资源和规划局', '市生态环境局'], ['2021-09-30']],
      ['2', ['市自然资源和规划局'], [], ['2021-06-30', '2021-12-31']],
      ['3', ['市农业农村局'], ['市水利局', '沿海各乡镇人民政府'], ['2021-12-31']],
    ]);
    expect(list.tasks[0].text).toBe('编制湿地保护规划，明确核心区、缓冲区管控要求，按程序报市政府审批。');
    // Without page numbers the same lines are cells of their own: only a PDF breaks a cell.
    const unpaged = await parseNotice(Buffer.from(text.replace(/— \d —/g, '')), { path: 't.txt' });
    expect(unpaged.lists[0].tasks[0].lead).not.toEqual(['市湿地保护管理中心']);
  });

  it('a table drawn with box characters in plain text, cells wrapped inside their walls', async () => {
    const text = `${HEAD}
┌──┬──────────┬──────┬──────┐
│序│工作任务          │责任单位    │完成时限    │
│号│                  │            │            │
├──┼──────────┼──────┼──────┤
│1 │新建城市公园3个，提│县住建局牵头│2021年10月底│
│  │升绿化覆盖率。    │，县财政局配│前          │
│  │                  │合          │            │
├──┼──────────┼──────┼──────┤
│2 │改造背街小巷20条。│县城管局    │持续推进    │
└──┴──────────┴──────┴──────┘
`;
    expect(await tasksOf(text)).toEqual([
      { seq: '1', text: '新建城市公园3个', lead: ['县住建局'], implementing: ['县财政局'], due: ['2021-10-31'] },
      { seq: '2', text: '改造背街小巷20', lead: [], implementing: ['县城管局'], due: [null] },
    ]);
  });

  it('an item whose text wraps before its labelled lines; a note under a table ends its rows', async () => {
    expect(
      await tasksOf(`${HEAD}一、信用建设
1．推进信用体系建设，
建立企业信用档案。
牵头单位：市发改委
责任单位：市市场监管局
2．开展失信惩戒。
牵头单位：市法院
`),
    ).toEqual([
      { seq: '1', text: '推进信用体系建设', lead: ['市发改委'], implementing: ['市市场监管局'], due: [] },
      { seq: '2', text: '开展失信惩戒。', lead: ['市法院'], implementing: [], due: [] },
    ]);
    const cells = ['工作任务', '责任单位', '完成时限', '一、医保改革', '推进按病种付费改革。', '市医保局', '2021年6月底前', '建立医保基金监管制度。', '市医保局、市财政局', '全年', '注：责任单位中列在首位的为牵头单位的，已注明“牵头”。'];
    const notice = await parseNotice(Buffer.from(`${HEAD}\n${cells.join('\n\n')}\n`), { path: 't.txt' });
    expect(notice.lists[0].tasks.map((t) => [t.text, t.lead, t.implementing])).toEqual([
      ['推进按病种付费改革。', [], ['市医保局']],
      ['建立医保基金监管制度。', [], ['市医保局', '市财政局']],
    ]);
  });

  it('a report whose numbered paragraphs name a unit now and then is no task list', async () => {
    const notice = await parseNotice(Buffer.from(`某县扎实推进安全生产专项整治
发布时间：2021-07-19　来源：某县应急管理局
　　按照《某县人民政府办公室关于印发安全生产专项整治任务分工的通知》要求，各部门扎实推进。
1．危险化学品领域。完成23家企业检查。（县应急管理局牵头，县公安局配合）
2．道路交通领域。县交警大队开展夜查行动12次。
3．建筑施工领域。排查在建项目46个。（县住建局负责）
4．消防安全领域。县消防救援大队检查人员密集场所90家。
`), { path: 't.txt' });
    expect(notice.lists).toEqual([]);
    expect(notice.meta.title).toBe('某县扎实推进安全生产专项整治');
  });

  it('a single numbered item is not a list', async () => {
    expect(await tasksOf('某市召开会议\n会议要求:\n1.各部门要抓好落实。(市政府办负责)\n')).toEqual([]);
  });

  it('labelled brackets in a row make one clause: 【牵头单位】【责任单位】【完成时间】', async () => {
    expect(
      await tasksOf(`${HEAD}一、整治河道
（1）完成中心城区排涝管网改造。【牵头单位：区城管局】【配合单位：区财政局、各街道办事处】【完成时间：2021年8月底前】
（2）推进雨污分流改造。【责任单位：区住建局】【完成时间：持续推进】
（3）开展入河排污口排查。【牵头单位：区生态环境分局】【责任单位：区水务局】
`),
    ).toEqual([
      { seq: '1', text: '完成中心城区排涝', lead: ['区城管局'], implementing: ['区财政局', '各街道办事处'], due: ['2021-08-31'] },
      { seq: '2', text: '推进雨污分流改造', lead: [], implementing: ['区住建局'], due: [null] },
      { seq: '3', text: '开展入河排污口排', lead: ['区生态环境分局'], implementing: ['区水务局'], due: [] },
    ]);
  });

  it('units before a colon open a numbered item; its bracket of a date is its deadline, not a date in the text', async () => {
    expect(
      await tasksOf(`${HEAD}二、养老服务
（一）县民政局：新建农村互助幸福院12个，提升服务能力。（2021年10月底前）
（二）县卫健局牵头，县医保局配合：推进医养结合，开设老年病科。（持续推进）
（三）重点工作：完善养老服务体系，建设示范社区。
（四）各乡镇人民政府：建立留守老人关爱台账，做到应建尽建。
`),
    ).toEqual([
      { seq: '1', text: '新建农村互助幸福', lead: [], implementing: ['县民政局'], due: ['2021-10-31'] },
      { seq: '2', text: '推进医养结合，开', lead: ['县卫健局'], implementing: ['县医保局'], due: [null] },
      // In a list that hands out tasks, a numbered sentence without units is a task no unit was named for.
      { seq: '3', text: '重点工作：完善养', lead: [], implementing: [], due: [] },
      { seq: '4', text: '建立留守老人关爱', lead: [], implementing: ['各乡镇人民政府'], due: [] },
    ]);
    const notice = await parseNotice(Buffer.from(`${HEAD}1.县民政局：新建农村互助幸福院12个。（2021年10月底前）\n2.县卫健局：推进医养结合。\n`), { path: 't.txt' });
    expect(notice.lists[0].tasks[0].deadlines).toEqual([{ raw: '2021年10月底前', kind: 'date', due: '2021-10-31', inText: false }]);
    expect(notice.lists[0].tasks[0].text).toBe('新建农村互助幸福院12个。');
  });

  it('an item under a heading that hands its units down closes on a bracket of its own deadline', async () => {
    const notice = await parseNotice(
      Buffer.from(`${HEAD}说明：各分项标题后括号内所列单位，为该分项下各条任务的牵头单位和配合单位。
一、改善空气质量
（一）治理工业废气（牵头单位：州生态环境局；配合单位：州工信局）
1. 完成燃煤锅炉淘汰改造，推进企业深度治理。（2021年9月底前）
2. 开展工业炉窑专项整治，年内完成整治任务。
`),
      { path: 't.txt' },
    );
    const [first, second] = notice.lists[0].tasks;
    expect(first).toMatchObject({ lead: ['州生态环境局'], implementing: ['州工信局'], text: '完成燃煤锅炉淘汰改造，推进企业深度治理。' });
    expect(first.deadlines).toEqual([{ raw: '2021年9月底前', kind: 'date', due: '2021-09-30', inText: false }]);
    expect(second.deadlines).toEqual([]);
  });

  it('a flattened table: a blank category cell is the merged one above; the signature under the table is the notice\'s', async () => {
    const notice = await parseNotice(
      Buffer.from(`关于印发某州2021年交通强州重点任务分工的通知
某州2021年交通强州重点任务分工
序号
任务类别
工作任务
牵头领导
责任单位
完成时限
1
路网建设
建成二级公路80公里，完成县乡道提级改造。
副州长 赵某
州交通运输局
2021年11月底前
2
\u00a0
实施农村公路安全生命防护工程，整治隐患路段。
副州长 赵某
州交通运输局、州公安局
2021年10月底前
某州人民政府办公室
2021年2月26日
`),
      { path: 't.txt' },
    );
    expect(notice.lists[0].tasks.map((t) => t.sections)).toEqual([['路网建设'], ['路网建设']]);
    expect(notice.lists[0].tasks[1].implementing).toEqual(['州交通运输局', '州公安局']);
    expect(notice.meta).toMatchObject({ title: '关于印发某州2021年交通强州重点任务分工的通知', issuer: '某州人民政府办公室', issuedOn: '2021-02-26', year: 2021 });
  });

  it('a contact table (单位 / 联系人 / 联系电话) beside a task table is no task list', async () => {
    const html = `<p>某市2023年重点任务分工</p><table><tr><td>序号</td><td>重点任务</td><td>责任单位</td><td>完成时限</td></tr><tr><td>1</td><td>建设产业园区。</td><td>市经信局</td><td>2023年底前</td></tr><tr><td>2</td><td>培育龙头企业。</td><td>市商务局</td><td>持续推进</td></tr></table>
<p>联系方式</p><table><tr><td>单位</td><td>联系人</td><td>联系电话</td></tr><tr><td>市经信局</td><td>王某</td><td>0830-1234567</td></tr><tr><td>市政府督查室</td><td>李某</td><td>0830-7654321</td></tr></table>`;
    const notice = await parseNotice(Buffer.from(html), { path: 't.html' });
    expect(notice.lists.map((l) => l.tasks.length)).toEqual([2]);
  });

  it("a department's item names more units mid-sentence; an item's sub-points add their dates to the dates of its text", async () => {
    const owned = await parseNotice(
      Buffer.from(`${HEAD}一、市发展改革委（2项）
1．推进港口配套工程建设（配合单位：市交通运输局），力争年内完成主体工程。（完成时限：2021年三季度）
2．编制物流枢纽规划。（完成时限：2021年6月底前）
`),
      { path: 't.txt' },
    );
    expect(owned.lists[0].tasks.map((t) => [t.implementing, t.deadlines.map((d) => d.due)])).toEqual([
      [['市发展改革委', '市交通运输局'], ['2021-09-30']],
      [['市发展改革委'], ['2021-06-30']],
    ]);
    const items = await tasksOf(`${HEAD}一、食品安全
1.推进检验检测能力建设，2021年11月底前建成区域中心。（牵头单位：市市场监管局；责任单位：市财政局）
（1）购置检测设备一批。
（2）2021年6月底前完成实验室改造。
2.开展校园食品安全整治。（牵头单位：市教育局）
`);
    expect(items.map((t) => t.due)).toEqual([['2021-11-30', '2021-06-30'], []]);
  });

  it('a policy Q&A page quoting items of the notice it explains hands out no tasks', async () => {
    const notice = await parseNotice(
      Buffer.from(`《某市2023年旅游业重点任务分工》政策问答
问一：有哪些交通保障举措？
答：主要包括：
1.开通旅游直通车和夜间公交专线（市交通运输局牵头，市公安局配合，2023年6月底前）。
2.新增临时停车泊位5000个（市城管局牵头，各区政府配合，2023年7月底前）。
`),
      { path: 't.txt' },
    );
    expect(notice.lists).toEqual([]);
  });

  it('a 公众号 copy: ■ and ◆ dress the headings, 01 stands over its item, the deadline bracket may come before the unit bracket', async () => {
    expect(
      await tasksOf(`${HEAD}■ 一、优化发展环境
01
推行涉企经营许可清单管理。（完成时限：2021年6月底前）【责任单位：市市场监管局】
02
开展涉企收费专项整治。【责任单位：市发改委牵头，市财政局配合】（完成时限：全年）
◆ （一）金融服务
03
深化首贷户拓展行动。（完成时限：2021年第三季度）【责任单位：人民银行某市中心支行】
`),
    ).toEqual([
      { seq: '1', text: '推行涉企经营许可', lead: [], implementing: ['市市场监管局'], due: ['2021-06-30'] },
      { seq: '2', text: '开展涉企收费专项', lead: ['市发改委'], implementing: ['市财政局'], due: ['2021-12-31'] },
      { seq: '3', text: '深化首贷户拓展行', lead: [], implementing: ['人民银行某市中心支行'], due: ['2021-09-30'] },
    ]);
  });

  it('a paragraph of 一是…(clause);二是…(clause) parts holds a task per part; parts under one closing clause stay one task', async () => {
    const notice = await parseNotice(
      Buffer.from(`${HEAD}二、重点任务
（一）推进厕所革命。一是开展户厕问题整改，2021年6月底前完成（市农业农村局牵头，市卫健委配合）；二是新建卫生户厕2万座（各县区人民政府负责）。
（二）健全垃圾收运体系。一是完善收运体系；二是推进分类试点。（市住建局牵头，市财政局配合，2021年9月底前）
`),
      { path: 't.txt' },
    );
    const tasks = notice.lists.flatMap((l) => l.tasks);
    expect(tasks.map((t) => [t.seq, t.sections, t.lead, t.implementing])).toEqual([
      ['1', ['二、重点任务', '（一）推进厕所革命'], ['市农业农村局'], ['市卫健委']],
      ['2', ['二、重点任务', '（一）推进厕所革命'], [], ['各县区人民政府']],
      ['2', ['二、重点任务'], ['市住建局'], ['市财政局']],
    ]);
    expect(tasks[0].text.startsWith('开展户厕问题整改')).toBe(true);
  });

  it('a header that notes the first unit leads; a header cell broken over two lines; rows numbered 1-1', async () => {
    const html = `<p>某市2025年无废城市重点任务</p><table><tr><td>序号</td><td>责任单位（第一个为牵头单位）</td><td>工作任务</td><td>完成时限</td></tr>
<tr><td>1</td><td>市工信局、市发改委</td><td>推进工业固废减量。</td><td>2025年底前</td></tr><tr><td>2</td><td>市教育局</td><td>创建无废校园。</td><td>2025年秋季开学前</td></tr></table>`;
    const noted = (await parseNotice(Buffer.from(html), { path: 't.html' })).lists[0].tasks;
    expect(noted.map((t) => [t.lead, t.implementing, t.deadlines.map((d) => d.due)])).toEqual([
      [['市工信局'], ['市发改委'], ['2025-12-31']],
      [[], ['市教育局'], [null]],
    ]);
    const split = await tasksOf(`${HEAD}序  号
工 作 任 务
责任单位
完成 时限
牵头
单位
协同单位
1
推进背街小巷整治。
市城管局
各城区人民政府
2021年10月底前
2
开展文明交通劝导。
市公安局
市交通运输局
持续推进
`);
    expect(split.map((t) => [t.lead, t.implementing])).toEqual([
      [['市城管局'], ['各城区人民政府']],
      [['市公安局'], ['市交通运输局']],
    ]);
    const dashed = await tasksOf(`${HEAD}编号  重点工作  责任部门  完成时间
一、改善营商环境
1-1  压缩企业开办时间。  市市场监管局  2021年6月底前
1-2  推行电子证照应用。  市数据局  2021年12月底前
2-1  清理涉企收费。  市发改委  持续推进
`);
    expect(dashed.map((t) => t.seq)).toEqual(['1-1', '1-2', '2-1']);
  });

  it('a 类别 column left of 序号: each row prints its category before its number', async () => {
    const notice = await parseNotice(
      Buffer.from(`${HEAD}类别
序号
重点任务
牵头单位
完成时限
备注
扩大有效投资
1
实施重点项目攻坚行动。
县发改委
全年
延续
\u3000
2
加快专项债券发行使用。
县财政局
2021年10月底前
新增
激发市场活力
3
深化放管服改革。
县数据局
2021年6月底前
新增
`),
      { path: 't.txt' },
    );
    expect(notice.lists[0].tasks.map((t) => [t.seq, t.sections, t.lead])).toEqual([
      ['1', ['扩大有效投资'], ['县发改委']],
      ['2', ['扩大有效投资'], ['县财政局']],
      ['3', ['激发市场活力'], ['县数据局']],
    ]);
  });

  it('a grid of <span class="cell"> rows; a 序号 merged over sub-rows gathers their milestones; 阶段目标 is no task text', async () => {
    const spans = `<p>某市2023年港口重点任务分工</p><div class="table"><div class="row"><span class="cell">序号</span><span class="cell">工作任务</span><span class="cell">牵头单位</span><span class="cell">完成时限</span></div>
<div class="row"><span class="cell">1</span><span class="cell">建设原油码头三期工程。</span><span class="cell">市港口局</span><span class="cell">2023年底前</span></div>
<div class="row"><span class="cell">2</span><span class="cell">拓展集装箱航线。</span><span class="cell">市商务局</span><span class="cell">持续推进</span></div></div>`;
    expect((await parseNotice(Buffer.from(spans), { path: 't.html' })).lists[0].tasks.map((t) => t.lead)).toEqual([['市港口局'], ['市商务局']]);
    const subRows = `<p>某市2024年民生实事推进计划</p><table><tr><td>序号</td><td>重点任务</td><td>时间节点</td><td>阶段目标</td><td>责任单位</td></tr>
<tr><td rowspan="2">1</td><td rowspan="2">新建中小学3所。</td><td>2024年3月底前</td><td>完成招标</td><td rowspan="2">市教育局</td></tr>
<tr><td>2024年8月底前</td><td>投入使用</td></tr>
<tr><td>2</td><td>改造老旧小区20个。</td><td>2024年11月底前</td><td>全部完工</td><td>市住建局</td></tr></table>`;
    const tasks = (await parseNotice(Buffer.from(subRows), { path: 't.html' })).lists[0].tasks;
    expect(tasks.map((t) => [t.seq, t.text, t.implementing, t.deadlines.map((d) => d.due)])).toEqual([
      ['1', '新建中小学3所。', ['市教育局'], ['2024-03-31', '2024-08-31']],
      ['2', '改造老旧小区20个。', ['市住建局'], ['2024-11-30']],
    ]);
  });

  it('a flattened table whose merged cells print once: later (时间节点, 阶段目标) pairs are more deadlines; 抄送 ends the rows', async () => {
    const tasks = await tasksOf(`${HEAD}序号
重点任务
时间节点
阶段目标
责任单位
1
治理入河排污口。
2021年4月底前
完成排查
市生态环境局
2021年8月底前
完成整治
2
整治黑臭水体。
2021年6月底前
完成治理
市住建局
抄送：市委办公室。
某市人民政府办公室 2021年3月13日印发
`);
    expect(tasks.map((t) => [t.seq, t.implementing, t.due])).toEqual([
      ['1', ['市生态环境局'], ['2021-04-30', '2021-08-31']],
      ['2', ['市住建局'], ['2021-06-30']],
    ]);
  });

  it('a 进度安排 line under an item adds its milestones; labelled lines skip the 责任领导 and join a unit list wrapped after 、', async () => {
    expect(
      await tasksOf(`${HEAD}一、文旅产品
1．推进景区提档升级。（市文旅局牵头，市住建局配合）
进度安排：一季度完成方案编制；二季度完成招标；四季度完成创建申报。
2．打造节会品牌。（市文旅局负责）
`),
    ).toEqual([
      { seq: '1', text: '推进景区提档升级', lead: ['市文旅局'], implementing: ['市住建局'], due: ['2021-03-31', '2021-06-30', '2021-12-31'] },
      { seq: '2', text: '打造节会品牌。', lead: [], implementing: ['市文旅局'], due: [] },
    ]);
    expect(
      await tasksOf(`${HEAD}一、工业污染治理
（1）完成钢铁企业超低排放改造。
责任领导：副市长 张某
牵头单位：市生态环境局
配合单位：市工信局、市发改委、
各县（市、区）人民政府
完成时间：2021年9月底前
（2）推进重点行业深度治理。
牵头单位：市生态环境局
完成时间：2021年10月31日前
`),
    ).toEqual([
      { seq: '1', text: '完成钢铁企业超低', lead: ['市生态环境局'], implementing: ['市工信局', '市发改委', '各县（市、区）人民政府'], due: ['2021-09-30'] },
      { seq: '2', text: '推进重点行业深度', lead: ['市生态环境局'], implementing: [], due: ['2021-10-31'] },
    ]);
  });

  it('short labels: 【牵头】 lines, 牵头: 配合: 时限: on one line, 责任单位(牵头):', async () => {
    expect(
      await tasksOf(`${HEAD}一、文旅产品
1．推进入口社区建设。
【牵头】市林业局
【配合】市文旅局
【时限】2021年6月底前
2．开发文创旅游商品。
牵头:市文旅局  配合:无  时限:2021年第二季度
3．完善景区应急救援体系。
责任单位（牵头）：市应急局
责任单位（配合）：市卫健委
完成时限：持续推进
`),
    ).toEqual([
      { seq: '1', text: '推进入口社区建设', lead: ['市林业局'], implementing: ['市文旅局'], due: ['2021-06-30'] },
      { seq: '2', text: '开发文创旅游商品', lead: ['市文旅局'], implementing: [], due: ['2021-06-30'] },
      { seq: '3', text: '完善景区应急救援', lead: ['市应急局'], implementing: ['市卫健委'], due: [null] },
    ]);
  });

  it('an indicator table: the target completes the indicator; a 合计 row and a title naming whom it concerns are no tasks', async () => {
    const kpi = await parseNotice(
      Buffer.from(`关于印发某市2024年主要目标责任分工的通知
某市2024年主要目标责任分工（市直部门）
序号
指标名称
2024年目标值
责任单位
完成时限
1
地区生产总值增速
6%以上
市发展改革委、市统计局
全年
2
新增高新技术企业数量（家）
120
市科技局
全年
`),
      { path: 't.txt' },
    );
    expect(kpi.lists.map((l) => l.layout)).toEqual(['cell-stream']);
    expect(kpi.lists[0].tasks.map((t) => [t.seq, t.text, t.implementing])).toEqual([
      ['1', '地区生产总值增速 6%以上', ['市发展改革委', '市统计局']],
      ['2', '新增高新技术企业数量（家） 120', ['市科技局']],
    ]);
    const html = '<p>某市2024年生态环境保护目标责任书</p><table><tr><td>序号</td><td>目标任务</td><td>分值</td><td>责任单位</td></tr><tr><td>1</td><td>治理挥发性有机物。</td><td>10</td><td>市生态环境局</td></tr><tr><td>2</td><td>管控建筑扬尘。</td><td>10</td><td>市住建局</td></tr><tr><td colspan="2">合计</td><td>20</td><td></td></tr></table>';
    expect((await parseNotice(Buffer.from(html), { path: 't.html' })).lists[0].tasks.map((t) => t.seq)).toEqual(['1', '2']);
  });

  it('a tab-separated table keeps its section rows, which carry no tab', async () => {
    const tasks = (await parseNotice(Buffer.from(`${HEAD}序号\t重点任务\t牵头单位\t完成时限\n一、政务服务\n1\t推出一件事套餐。\t市审批局\t2021年9月底前\n2\t调整事项目录。\t市审批局\t2021年6月底前\n二、市场准入\n3\t清理妨碍竞争政策。\t市市场监管局\t全年\n`), { path: 't.txt' })).lists[0].tasks;
    expect(tasks.map((t) => [t.seq, t.sections])).toEqual([['1', ['一、政务服务']], ['2', ['一、政务服务']], ['3', ['二、市场准入']]]);
  });

  it('review cases: a category carried into a row keeps the row its own cells; a sentence after a table is not the last row; two grid tables back to back', async () => {
    const carried = await tasksOf(`某市2023年重点任务分工
类别
序号
工作任务
责任单位
完成时限
优化营商环境
1
加强工作A，全面提升政务服务水平
市财政局
2023年底
2
推进工作B
市教育局
2023年6月
扩大有效投资
3
推进工作C
市民政局
2023年9月
`);
    expect(carried.map((t) => [t.seq, t.implementing, t.due])).toEqual([
      ['1', ['市财政局'], ['2023-12-31']],
      ['2', ['市教育局'], ['2023-06-30']],
      ['3', ['市民政局'], ['2023-09-30']],
    ]);
    const closing = await parseNotice(Buffer.from('关于印发2023年重点工作任务分工的通知\n\n序号  工作任务  责任单位  完成时限\n1  加强安全生产监管  市应急局  2023年底\n2  推进燃气管道改造工程  市住建局  2023年底\n各地各部门要高度重视，认真抓好落实。\n'), { path: 't.txt' });
    expect(closing.lists[0].tasks.map((t) => t.text)).toEqual(['加强安全生产监管', '推进燃气管道改造工程']);
    const rule = (w: number[]) => `+${w.map((n) => '-'.repeat(n)).join('+')}+`;
    const grids = [rule([6, 16, 12]), '| 序号 | 工作任务       | 责任单位   |', rule([6, 16, 12]), '| 1    | 加强安全监管   | 市应急局   |', rule([6, 16, 12]), rule([6, 18, 12, 12]), '| 序号 | 工作任务         | 责任单位   | 完成时限   |', rule([6, 18, 12, 12]), '| 2    | 推进污水治理     | 市水务局   | 2023年底   |', rule([6, 18, 12, 12])].join('\n');
    const both = await parseNotice(Buffer.from(`关于印发2023年重点工作任务分工的通知\n${grids}\n`), { path: 't.txt' });
    expect(both.lists.flatMap((l) => l.tasks.map((t) => t.implementing))).toEqual([['市应急局'], ['市水务局']]);
  });

  it('a clause whose units close with 。 before their date', async () => {
    expect(await tasksOf(`${HEAD}一、稳定外贸\n（一）支持外贸企业拓市场。（商务部、税务总局按职责分工负责。2021年底前）\n（二）优化通关流程。（海关总署负责）\n`)).toEqual([
      { seq: '1', text: '支持外贸企业拓市', lead: [], implementing: ['商务部', '税务总局'], due: ['2021-12-31'] },
      { seq: '2', text: '优化通关流程。', lead: [], implementing: ['海关总署'], due: [] },
    ]);
  });

  it('an item whose clause ends on ; goes on in the next line with a clause of its own; a unit named twice counts once', async () => {
    expect(
      await tasksOf(`${HEAD}一、生态环境
1.加强生态环境执法（市生态环境局负责）；
推进损害赔偿制度改革（市司法局、市生态环境局负责）。
2.提升监测能力（市生态环境局负责）。
`),
    ).toEqual([
      { seq: '1', text: '加强生态环境执法', lead: [], implementing: ['市生态环境局', '市司法局'], due: [] },
      { seq: '2', text: '提升监测能力', lead: [], implementing: ['市生态环境局'], due: [] },
    ]);
  });

  it('units before a colon join a list other items make, but a 督查通报 of such lines makes none', async () => {
    const report = await parseNotice(
      Buffer.from(`某市人民政府督查室关于重点任务落实情况的督查通报
一、进度滞后的任务
1．市商务局：市商务局牵头的跨境电商平台建设任务进度滞后，仅完成40%。
2．市住建局：市住建局牵头的老旧小区改造任务进度滞后，开工率不足50%。
3．市水利局：市水利局牵头的城乡供水一体化项目进度滞后。
`),
      { path: 't.txt' },
    );
    expect(report.lists).toEqual([]);
  });

  it('a sentence numbered among clause items of a 责任清单 is a task no unit was named for; in a 意见 it stays out', async () => {
    const items = `（一）完善老旧小区改造机制，2022年9月底前出台改造实施细则。（县住建局牵头，县财政局配合）
（二）统筹推进小区适老化和无障碍设施改造，同步加装电梯和充电设施。
（三）健全小区长效管理机制，推行物业服务企业信用评价。（县住建局负责）
（四）开展美好环境与幸福生活共同缔造活动。（县委组织部、各乡镇人民政府负责）
（五）营造共建共治共享的良好氛围。
`;
    expect(await tasksOf(`某县人民政府办公室关于印发老旧小区改造工作责任清单的通知\n某县2022年老旧小区改造工作责任清单\n${items}`)).toEqual([
      { seq: '1', text: '完善老旧小区改造', lead: ['县住建局'], implementing: ['县财政局'], due: ['2022-09-30'] },
      { seq: '2', text: '统筹推进小区适老', lead: [], implementing: [], due: [] },
      { seq: '3', text: '健全小区长效管理', lead: [], implementing: ['县住建局'], due: [] },
      { seq: '4', text: '开展美好环境与幸', lead: [], implementing: ['县委组织部', '各乡镇人民政府'], due: [] },
    ]);
    expect((await tasksOf(`某县人民政府关于推进老旧小区改造的实施意见\n${items}`)).map((t) => t.seq)).toEqual(['1', '3', '4']);
  });

  it('a supervision ledger: a column no word names beside 序号, task and units is a note; 督办单位 supervises; progress that says 已完成 is no deadline', async () => {
    const md = `某市人民政府办公室关于印发2024年重点督办事项清单的通知

| 序号 | 督办事项 | 牵头单位 | 督办单位 | 办理方式 | 办结时限 |
| --- | --- | --- | --- | --- | --- |
| 1 | 建成城市停车信息平台。 | 市公安局 | 市政府督查室 | 月调度 | 6月底前 |
| 2 | 完成老旧管网改造20公里。 | 市住建局 | 市委督查室 | 季通报 | 10月底前 |
`;
    const notice = await parseNotice(Buffer.from(md), { path: 't.md' });
    expect(notice.lists[0].tasks.map((t) => [t.seq, t.lead, t.implementing, t.deadlines.map((d) => d.due)])).toEqual([
      ['1', ['市公安局'], [], ['2024-06-30']],
      ['2', ['市住建局'], [], ['2024-10-31']],
    ]);
    expect(
      await tasksOf(`${HEAD}序号
工作任务
责任单位
完成时限
进展情况
1
建成城市停车信息平台。
市公安局
9月底前
2020年12月底前已完成平台选址，正在招标。
2
完成老旧管网改造20公里。
市住建局
10月底前
已完成改造8公里。
`),
    ).toEqual([
      { seq: '1', text: '建成城市停车信息', lead: [], implementing: ['市公安局'], due: ['2021-09-30'] },
      { seq: '2', text: '完成老旧管网改造', lead: [], implementing: ['市住建局'], due: ['2021-10-31'] },
    ]);
  });

  it('labelled lines under an item: after a card named 督办事项一, after a leading 【X牵头】, after sub-points; a label whose value is on the next line; milestones over two lines', async () => {
    expect(
      await tasksOf(`${HEAD}督办事项一：城区停车治理
督办内容：新增公共停车泊位3000个，建成停车信息平台。
责任领导：副市长 张某
牵头单位：市公安局
责任单位：市住建局、市城管局
办结时限：2021年第三季度
督办要求：每月调度一次，每季度通报。
督办事项二：老旧管网改造
督办内容：完成老旧供水管网改造20公里。
牵头单位：市住建局
办结时限：10月底前
`),
    ).toEqual([
      { seq: '1', text: '新增公共停车泊位', lead: ['市公安局'], implementing: ['市住建局', '市城管局'], due: ['2021-09-30'] },
      { seq: '2', text: '完成老旧供水管网', lead: ['市住建局'], implementing: [], due: ['2021-10-31'] },
    ]);
    expect(
      await tasksOf(`${HEAD}一、农业生产
1.【县农业农村局牵头】抓好春耕备耕，调运良种500吨。
分管县领导：李某
配合单位：
县财政局、县供销社
完成时限：2021年5月底前完成调运；
2021年6月底前完成播种
2.【县水利局牵头】完成小型水库除险加固6座。
配合单位：县财政局
完成时限：汛期前
`),
    ).toEqual([
      { seq: '1', text: '抓好春耕备耕，调', lead: ['县农业农村局'], implementing: ['县财政局', '县供销社'], due: ['2021-05-31', '2021-06-30'] },
      { seq: '2', text: '完成小型水库除险', lead: ['县水利局'], implementing: ['县财政局'], due: [null] },
    ]);
    expect(
      await tasksOf(`${HEAD}一、水土保持
（一）加强崩岗治理。全年治理崩岗80处。
主要负责：县水利局；协同负责：县林业局、各乡镇人民政府
完成时间：2021年11月底前
（二）推进坡耕地治理。实施坡改梯2000亩。
1．2021年4月底前完成图斑核查；
2．2021年9月底前完成施工。
主要负责：县农业农村局；协同负责：县水利局
`),
    ).toEqual([
      { seq: '1', text: '全年治理崩岗80', lead: ['县水利局'], implementing: ['县林业局', '各乡镇人民政府'], due: ['2021-11-30'] },
      { seq: '2', text: '实施坡改梯200', lead: ['县农业农村局'], implementing: ['县水利局'], due: ['2021-04-30', '2021-09-30'] },
    ]);
  });

  it('an item that announces its sub-points takes the clause standing alone on the line after them', async () => {
    expect(
      await tasksOf(`${HEAD}一、产业发展
1．推进茶产业提质增效，重点抓好两项工作：
（1）新建标准化茶园2万亩；
（2）2021年10月底前建成茶叶交易中心。
（市农业农村局牵头，市商务局配合）
2．培育茶叶龙头企业5家。（市工信局负责）
`),
    ).toEqual([
      { seq: '1', text: '推进茶产业提质增', lead: ['市农业农村局'], implementing: ['市商务局'], due: ['2021-10-31'] },
      { seq: '2', text: '培育茶叶龙头企业', lead: [], implementing: ['市工信局'], due: [] },
    ]);
  });

  it('a deadline cell that says the work goes on (长期坚持) leaves the dates in the text alone', async () => {
    expect(
      await tasksOf(`${HEAD}序号
工作任务
责任单位
完成时限
1
建立改革赛马机制，每季度通报一次，年底前开展总结评估。
市委改革办
长期坚持
2
新建城市书房10个，6月底前完成选址。
市文旅局
全年
3
推进政务公开标准化建设，9月底前完成目录编制。
市政府办
`),
    ).toEqual([
      { seq: '1', text: '建立改革赛马机制', lead: [], implementing: ['市委改革办'], due: [null] },
      { seq: '2', text: '新建城市书房10', lead: [], implementing: ['市文旅局'], due: ['2021-12-31'] },
      { seq: '3', text: '推进政务公开标准', lead: [], implementing: ['市政府办'], due: ['2021-09-30'] },
    ]);
  });

  it('review cases: labels belong to the item they follow, a label left open takes units only, 保障措施 items without units stay out, units set apart by ideographic spaces are no table, 重点任务一 heads its items', async () => {
    // A heading that ends in 。 over items with labelled lines is a heading, not an item.
    expect(
      await tasksOf(`${HEAD}一、推动产业升级，建设现代产业体系。
（一）实施技改提升行动。完成技改项目80个。
牵头单位：市工信局
配合单位：市科技局
（二）培育数字经济。新增数字经济企业30家。
牵头单位：市大数据局
`),
    ).toEqual([
      { seq: '1', text: '完成技改项目80', lead: ['市工信局'], implementing: ['市科技局'], due: [] },
      { seq: '2', text: '新增数字经济企业', lead: ['市大数据局'], implementing: [], due: [] },
    ]);
    // An empty label followed by the closing paragraph, and milestones that stop at it.
    expect(
      await tasksOf(`${HEAD}1.推进污水管网建设，新建管网30公里。
牵头单位：市住建局
配合单位：
各责任单位要高度重视，于每季度末前将进展情况报送市住建局。
2.推进河道整治，完成整治20公里。
牵头单位：市水务局；完成时限：2021年6月底前；
各牵头单位要于每月5日前报送工作进展情况。
`),
    ).toEqual([
      { seq: '1', text: '推进污水管网建设', lead: ['市住建局'], implementing: [], due: [] },
      { seq: '2', text: '推进河道整治，完', lead: ['市水务局'], implementing: [], due: ['2021-06-30'] },
    ]);
    expect(
      (
        await tasksOf(`某市人民政府办公室关于印发2021年政务公开工作要点任务分工的通知
某市2021年政务公开工作要点任务分工
一、重点任务
（一）加强政策解读。做好政策文件解读。（市政府办公室负责）
（二）推进基层公开。深化基层政务公开。（各区人民政府负责）
二、保障措施
（一）加强组织领导。各单位要把政务公开摆上议事日程。
（二）严格考核评估。将政务公开纳入绩效考核。（市考核办负责）
`)
      ).map((t) => t.text),
    ).toEqual(['做好政策文件解读', '深化基层政务公开', '将政务公开纳入绩']);
    expect(
      await tasksOf(`某县人民政府办公室关于印发2021年政务公开工作要点任务分工的通知
一、加强政策解读
1.做好政策文件解读工作。（责任单位：县发改局\u3000县财政局\u3000县教育局）
2.加强政务舆情回应。（责任单位：县委宣传部\u3000县融媒体中心\u3000县信访局）
3.强化政策咨询服务。（责任单位：县政务服务中心\u3000县司法局\u3000县人社局）
`),
    ).toEqual([
      { seq: '1', text: '做好政策文件解读', lead: [], implementing: ['县发改局', '县财政局', '县教育局'], due: [] },
      { seq: '2', text: '加强政务舆情回应', lead: [], implementing: ['县委宣传部', '县融媒体中心', '县信访局'], due: [] },
      { seq: '3', text: '强化政策咨询服务', lead: [], implementing: ['县政务服务中心', '县司法局', '县人社局'], due: [] },
    ]);
    const headed = await parseNotice(
      Buffer.from(`${HEAD}重点任务一：稳定粮食生产
1.新建高标准农田3万亩。（县农业农村局负责）
2.稳定粮食播种面积。（县农业农村局负责）
`),
      { path: 't.txt' },
    );
    expect(headed.lists.flatMap((l) => l.tasks.map((t) => [t.seq, l.title ?? t.sections.join('/')]))).toEqual([
      ['1', '重点任务一：稳定粮食生产'],
      ['2', '重点任务一：稳定粮食生产'],
    ]);
  });

  it('clauses before the text, in the middle of an item, or alone under a title line and its paragraph', async () => {
    expect(
      await tasksOf(`${HEAD}一、产业发展
1．（市农牧局牵头，市财政局配合；2021年10月底前）实施母牛扩群工程，新增能繁母牛5万头。
2．（市林草局负责）落实草原补助奖励政策（含禁牧补助）。
3．（试行）推进饲草基地建设，新建基地2万亩。（市农牧局负责）
`),
    ).toEqual([
      { seq: '1', text: '实施母牛扩群工程', lead: ['市农牧局'], implementing: ['市财政局'], due: ['2021-10-31'] },
      { seq: '2', text: '落实草原补助奖励', lead: [], implementing: ['市林草局'], due: [] },
      { seq: '3', text: '（试行）推进饲草', lead: [], implementing: ['市农牧局'], due: [] },
    ]);
    expect(
      await tasksOf(`${HEAD}一是扩大养老服务供给，新建社区养老机构20处（市民政局牵头，市财政局配合；2021年10月底前）。对运营良好的机构给予补贴。
二是推进医养结合，开展签约合作（市卫健委负责）。各区要于2021年6月底前报送签约情况。
`),
    ).toEqual([
      { seq: '1', text: '扩大养老服务供给', lead: ['市民政局'], implementing: ['市财政局'], due: ['2021-10-31'] },
      { seq: '2', text: '推进医养结合，开', lead: [], implementing: ['市卫健委'], due: ['2021-06-30'] },
    ]);
    const titled = await parseNotice(
      Buffer.from(`${HEAD}一、提升康养服务
（一）建设康养综合体
推进康养综合体项目建设，完善医疗养老功能配套。
（市发改委牵头，米易县人民政府配合；2021年12月底前）
（二）发展社区康养服务
建设社区康养服务站15个。
（市民政局、市卫健委按职责分工负责）
二、保障措施
（一）加强组织领导
各单位要高度重视，确保各项任务落实。
`),
      { path: 't.txt' },
    );
    expect(titled.lists[0].tasks.map((t) => [t.seq, t.title, t.text, t.lead, t.implementing])).toEqual([
      ['1', '建设康养综合体', '推进康养综合体项目建设，完善医疗养老功能配套。', ['市发改委'], ['米易县人民政府']],
      ['2', '发展社区康养服务', '建设社区康养服务站15个。', [], ['市民政局', '市卫健委']],
    ]);
  });

  it('points under an item that announces them are tasks under its title; 第一，headings hand down units that a note says an item\'s own replace', async () => {
    const points = await parseNotice(
      Buffer.from(`${HEAD}一、守牢底线
（一）健全监测帮扶机制。重点抓好以下工作：
①开展集中排查，做到应纳尽纳（市农业农村局牵头，市民政局配合）。
②落实帮扶措施，做到风险消除（各县区人民政府负责）。
`),
      { path: 't.txt' },
    );
    expect(points.lists[0].tasks.map((t) => t.sections)).toEqual([
      ['一、守牢底线', '（一）健全监测帮扶机制'],
      ['一、守牢底线', '（一）健全监测帮扶机制'],
    ]);
    const ordinal = await parseNotice(
      Buffer.from(`${HEAD}说明：各部分标题后括号内为该部分任务的责任单位；具体任务另行标明责任单位的，由标明的单位负责。
第一，压实安全责任（责任单位：市应急局）
1．健全安全生产责任清单。
2．开展安全生产专题培训（市委组织部牵头，市委党校配合）。
第二，加强交通安全管理（市公安局牵头，市交通局配合）
3．开展道路隐患排查治理。
4．加强重点车辆动态监控（持续推进）。
`),
      { path: 't.txt' },
    );
    expect(ordinal.lists[0].tasks.map((t) => [t.seq, t.sections, t.lead, t.implementing])).toEqual([
      ['1', ['第一，压实安全责任'], [], ['市应急局']],
      ['2', ['第一，压实安全责任'], ['市委组织部'], ['市委党校']],
      ['3', ['第二，加强交通安全管理'], ['市公安局'], ['市交通局']],
      ['4', ['第二，加强交通安全管理'], ['市公安局'], ['市交通局']],
    ]);
  });

  it('a flattened table: an attachment label and the imprint end its rows; a deadline printed once for the whole table; measures under a goal printed once', async () => {
    expect(
      await tasksOf(`${HEAD}序号
重点任务
牵头单位
完成时限
1
新建高标准农田6万亩。
市农业局
2021年12月底前
2
改造渠道210公里。
市水利局
3
开展耕地保护督查。
市自然资源局
某市人民政府办公室　　2021年3月29日印发
`),
    ).toEqual([
      { seq: '1', text: '新建高标准农田6', lead: ['市农业局'], implementing: [], due: ['2021-12-31'] },
      { seq: '2', text: '改造渠道210公', lead: ['市水利局'], implementing: [], due: ['2021-12-31'] },
      { seq: '3', text: '开展耕地保护督查', lead: ['市自然资源局'], implementing: [], due: ['2021-12-31'] },
    ]);
    expect(
      await tasksOf(`${HEAD}序号
目标任务
具体措施
牵头单位
完成时限
1
接待游客6500万人次
举办民族节庆活动不少于30场。
州文旅局
2021年10月底前
开通旅游直通车线路6条。
州交通局
2021年6月底前
2
旅游收入增长10%
建设夜间文旅消费集聚区4个。
州商务局
2021年9月底前
附件2
序号
单位
姓名
联系电话
1
州文旅局
张某
12345678
`),
    ).toEqual([
      { seq: '1', text: '举办民族节庆活动', lead: ['州文旅局'], implementing: [], due: ['2021-10-31'] },
      { seq: '1', text: '开通旅游直通车线', lead: ['州交通局'], implementing: [], due: ['2021-06-30'] },
      { seq: '2', text: '建设夜间文旅消费', lead: ['州商务局'], implementing: [], due: ['2021-09-30'] },
    ]);
  });
});
