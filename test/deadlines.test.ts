import { describe, expect, it } from 'vitest';
import { findDeadlinesInText, looksLikeDeadline, parseDeadlines } from '../src/normalize/deadlines.js';

type Row = [input: string, year: number | null, kind: string, due: string | null, extra?: { start?: string; period?: string }];

/** One expression per row: parseDeadlines must give exactly one deadline of this kind and due. */
const single: Row[] = [
  // a part of the next year
  ['明年一季度前完成', 2022, 'period', '2023-03-31'],
  ['次年3月底前', 2022, 'period', '2023-03-31'],
  // seasons set no calendar date
  ['2024年汛期前', 2024, 'relative', null],
  ['主汛期前', 2024, 'relative', null],
  ['汛期内', 2024, 'relative', null],
  // a year and month with a dot or slash; spans joined by a dash or 至
  ['2021.12', 2021, 'date', '2021-12-31'],
  ['2021/6', 2021, 'date', '2021-06-30'],
  ['2021年6月—12月', 2021, 'period', '2021-12-31', { start: '2021-06-01' }],
  ['3月至6月底', 2021, 'period', '2021-06-30', { start: '2021-03-01' }],
  ['2021年3月1日至6月30日', 2021, 'period', '2021-06-30', { start: '2021-03-01' }],
  // date
  ['2018年9月30日前', 2018, 'date', '2018-09-30'],
  ['9月30日前', 2018, 'date', '2018-09-30'],
  ['9月30日', 2019, 'date', '2019-09-30'],
  ['9月底前', 2018, 'date', '2018-09-30'],
  ['2月底前', 2020, 'date', '2020-02-29'],
  ['2月底前', 2019, 'date', '2019-02-28'],
  ['十二月底前', 2018, 'date', '2018-12-31'],
  ['二〇一八年九月底前', null, 'date', '2018-09-30'],
  ['二〇一九年十一月三十日前', null, 'date', '2019-11-30'],
  ['2018.9.30', null, 'date', '2018-09-30'],
  ['2018-09-30', null, 'date', '2018-09-30'],
  ['2018/9/30', null, 'date', '2018-09-30'],
  ['2018.12.31前', 2018, 'date', '2018-12-31'],
  ['9月中旬', 2018, 'date', '2018-09-20'],
  ['9月上旬', 2018, 'date', '2018-09-10'],
  ['9月下旬', 2018, 'date', '2018-09-30'],
  ['2月下旬', 2019, 'date', '2019-02-28'],
  ['9月份', 2018, 'date', '2018-09-30'],
  ['9月', 2018, 'date', '2018-09-30'],
  ['２０１８年９月', null, 'date', '2018-09-30'],
  ['２０１８年９月３０日前', null, 'date', '2018-09-30'],
  ['9月底前', null, 'date', null],
  ['2018年6月底', null, 'date', '2018-06-30'],
  ['2019年3月', 2018, 'date', '2019-03-31'],
  ['6月30号前', 2018, 'date', '2018-06-30'],
  ['11月30日之前', 2018, 'date', '2018-11-30'],
  ['2018年10月底以前', null, 'date', '2018-10-31'],
  // period
  ['全年', 2018, 'period', '2018-12-31'],
  ['年内', 2018, 'period', '2018-12-31'],
  ['年底前', 2018, 'period', '2018-12-31'],
  ['年底', 2019, 'period', '2019-12-31'],
  ['年中', 2018, 'period', '2018-06-30'],
  ['上半年', 2018, 'period', '2018-06-30'],
  ['下半年', 2018, 'period', '2018-12-31'],
  ['一季度', 2018, 'period', '2018-03-31'],
  ['第一季度', 2018, 'period', '2018-03-31'],
  ['第三季度', 2018, 'period', '2018-09-30'],
  ['第三季度末', 2018, 'period', '2018-09-30'],
  ['二季度末前', 2019, 'period', '2019-06-30'],
  ['2018年第四季度', null, 'period', '2018-12-31'],
  ['2018—2020年', null, 'period', '2020-12-31', { start: '2018-01-01' }],
  ['2018-2020年', 2018, 'period', '2020-12-31', { start: '2018-01-01' }],
  ['2019年起', null, 'period', null, { start: '2019-01-01' }],
  ['2019年6月起', null, 'period', null, { start: '2019-06-01' }],
  ['次年', 2018, 'period', '2019-12-31'],
  ['明年', 2018, 'period', '2019-12-31'],
  ['下一年度', 2018, 'period', '2019-12-31'],
  ['2018年', null, 'period', '2018-12-31'],
  ['2018年底前', null, 'period', '2018-12-31'],
  ['2018年年底', null, 'period', '2018-12-31'],
  ['2018年上半年', null, 'period', '2018-06-30'],
  ['2018年内', null, 'period', '2018-12-31'],
  ['2018年完成年度工作任务并持续推进', 2018, 'period', '2018-12-31'],
  ['全年', null, 'period', null],
  ['年底前', null, 'period', null],
  ['今年底前', 2019, 'period', '2019-12-31'],
  // ongoing
  ['持续推进', 2018, 'ongoing', null],
  ['长期坚持', 2018, 'ongoing', null],
  ['常态化', 2018, 'ongoing', null],
  ['2025年持续推进', 2024, 'ongoing', null],
  ['2019年长期坚持', 2019, 'ongoing', null],
  ['持续开展', 2018, 'ongoing', null],
  ['长期', 2018, 'ongoing', null],
  ['持续', 2018, 'ongoing', null],
  ['常年', 2018, 'ongoing', null],
  ['持續推進', 2018, 'ongoing', null],
  ['長期堅持', 2018, 'ongoing', null],
  ['常態化', 2018, 'ongoing', null],
  // recurring
  ['每月', 2018, 'recurring', null, { period: 'month' }],
  ['每季度', 2018, 'recurring', null, { period: 'quarter' }],
  ['每半年', 2018, 'recurring', null, { period: 'half-year' }],
  ['每年', 2018, 'recurring', null, { period: 'year' }],
  ['每年1月31日前', 2018, 'recurring', null, { period: 'year' }],
  ['每月底前', 2018, 'recurring', null, { period: 'month' }],
  ['每季度末', 2018, 'recurring', null, { period: 'quarter' }],
  ['按月', 2018, 'recurring', null, { period: 'month' }],
  ['按季度', 2018, 'recurring', null, { period: 'quarter' }],
  ['每周', 2018, 'recurring', null, { period: 'week' }],
  ['每季度', null, 'recurring', null, { period: 'quarter' }],
  // relative
  ['5个工作日内', 2018, 'relative', null],
  ['24小时内', 2018, 'relative', null],
  ['收到申请之日起20个工作日内', 2018, 'relative', null],
  ['1个工作日内', 2018, 'relative', null],
  ['5個工作日內', 2018, 'relative', null],
  ['3个月内', 2018, 'relative', null],
  // scraped text that lost 年/月/日
  ['2018630前', 2018, 'date', '2018-06-30'],
  ['2018930日前', 2018, 'date', '2018-09-30'],
  ['20181231前', 2018, 'date', '2018-12-31'],
  ['2018430前', 2018, 'date', '2018-04-30'],
  ['2018831前', 2018, 'date', '2018-08-31'],
  ['20186月底前', 2018, 'date', '2018-06-30'],
  ['6.30前', 2019, 'date', '2019-06-30'],
  ['即日起', 2019, 'ongoing', null],
  ['国庆节前', 2019, 'relative', null],
  ['清明、冬至期间', 2019, 'relative', null],
  ['节假日期间', 2019, 'relative', null],
  ['供暖期内', 2019, 'relative', null],
  ['2020年春节前', 2019, 'relative', null],
  ['2025年秋季开学前', 2025, 'relative', null],
  ['2024年春播前', 2024, 'relative', null],
  ['防火期内', 2023, 'relative', null],
  ['2023年春季防火期结束前', 2023, 'relative', null],
  ['元旦春节前', 2024, 'relative', null],
  ['立即实施', 2024, 'ongoing', null],
  ['2024—2026年每年底前', 2024, 'recurring', null],
  ['2024—2026年', 2024, 'period', '2026-12-31'],
  ['暑期前', 2024, 'relative', null],
  ['两年内', 2023, 'period', '2024-12-31'],
  ['3年内完成', 2023, 'period', '2025-12-31'],
  ['2023年1130前', 2023, 'date', '2023-11-30'],
  ['2019年10月15', 2019, 'date', '2019-10-15'],
  ['“十二五”期间', 2011, 'relative', null],
  ['2023年111前', 2023, 'unknown', null],
  ['春季学期开学前', 2025, 'relative', null],
  ['自即日起', 2019, 'ongoing', null],
  ['3.15日前', 2019, 'date', '2019-03-15'],
  ['12.31', 2019, 'date', '2019-12-31'],
  ['13.31前', 2019, 'unknown', null],
  ['1231前', 2018, 'date', '2018-12-31'],
  ['1231前', null, 'date', null],
  ['630前', 2019, 'date', '2019-06-30'],
  ['20180630', 2018, 'date', '2018-06-30'],
  ['2019116', 2019, 'unknown', null],
  ['2018101前', 2018, 'unknown', null],
  // unreadable
  ['另行通知', 2018, 'unknown', null],
  ['根据工作需要', 2018, 'unknown', null],
  // calendar: 2019-02-29 is not a date
  ['2019年2月29日前', null, 'unknown', null],
];

describe('parseDeadlines: one expression per cell', () => {
  it('has at least 80 distinct expressions', () => {
    expect(new Set(single.map((r) => `${r[0]}|${r[1]}`)).size).toBe(single.length);
    expect(new Set(single.map((r) => r[0])).size).toBeGreaterThanOrEqual(80);
  });

  it.each(single)('%s (year %s) → %s %s', (input, year, kind, due, extra) => {
    const out = parseDeadlines(input, { year });
    expect(out).toHaveLength(1);
    expect(out[0].kind).toBe(kind);
    expect(out[0].due).toBe(due);
    expect(out[0].inText).toBe(false);
    if (extra?.start) expect(out[0].start).toBe(extra.start);
    if (extra?.period) expect(out[0].period).toBe(extra.period);
    if (kind === 'unknown') expect(out[0].raw).toBe(input);
  });

  it('slices raw from the original text, Traditional and full-width included', () => {
    expect(parseDeadlines('２０１８年９月底前完成', { year: null })[0].raw).toBe('２０１８年９月底前完成');
    expect(parseDeadlines('  年底前  ', { year: 2018 })[0].raw).toBe('年底前');
  });

  it('gives [] for blank input', () => {
    expect(parseDeadlines('', { year: 2018 })).toEqual([]);
    expect(parseDeadlines(' \u3000\n', { year: 2018 })).toEqual([]);
  });
});

describe('parseDeadlines: several milestones in one cell', () => {
  it('splits a scraped cell after non-punctuation, and 90% is not a date', () => {
    const out = parseDeadlines('20186月底前实现网上办理事项达到90%1231前,政务服务事项“应上尽上、全程在线”。', { year: 2018 });
    expect(out.map((d) => [d.raw, d.due, d.kind])).toEqual([
      ['20186月底前实现网上办理事项达到90%', '2018-06-30', 'date'],
      ['1231前,政务服务事项“应上尽上、全程在线”。', '2018-12-31', 'date'],
    ]);
    expect(out[0].note).toBe('实现网上办理事项达到90%');
    expect(out[1].note).toBe('政务服务事项“应上尽上、全程在线”');
  });

  it('splits 上半年 … ,2018年底 …', () => {
    const out = parseDeadlines(
      '2018年上半年群众办事最多跑一次事项要达到90%以上,2018年底全面实现群众和企业在窗口办事“最多跑一次,多次是例外”。',
      { year: 2018 },
    );
    expect(out.map((d) => d.due)).toEqual(['2018-06-30', '2018-12-31']);
    expect(out[0].raw).toBe('2018年上半年群众办事最多跑一次事项要达到90%以上');
  });

  it('keeps prose without a new date in one milestone', () => {
    const text = '2018930日前,完成省政务服务中心大厅智能化升级改造,与网上政务服务平台融合,线上线下无缝衔接、合一通办。';
    const out = parseDeadlines(text, { year: 2018 });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'date', due: '2018-09-30', raw: text });
    expect(out[0].note).toBe('完成省政务服务中心大厅智能化升级改造,与网上政务服务平台融合,线上线下无缝衔接、合一通办');
  });

  it('splits on line breaks and inherits the year named earlier in the cell', () => {
    const out = parseDeadlines('2019年6月底前完成试点;\n9月底前全面推开\n12月底前总结', { year: null });
    expect(out.map((d) => d.due)).toEqual(['2019-06-30', '2019-09-30', '2019-12-31']);
    expect(out.map((d) => d.note)).toEqual(['完成试点', '全面推开', '总结']);
  });

  it('a date wins over a trailing 持续推进', () => {
    const out = parseDeadlines('2018年底前完成,并持续推进', { year: 2018 });
    expect(out).toHaveLength(1);
    expect(out[0].due).toBe('2018-12-31');
  });

  it('does not split on a bare year inside the prose', () => {
    const out = parseDeadlines('2018年底前完成2019年度计划编制', { year: 2018 });
    expect(out).toHaveLength(1);
    expect(out[0].note).toBe('完成2019年度计划编制');
  });

  it('ignores dates inside titles and document numbers', () => {
    const out = parseDeadlines('9月底前,按照《2019年政务公开工作要点》(国办发〔2019〕14号)完成', { year: 2019 });
    expect(out.map((d) => d.due)).toEqual(['2019-09-30']);
  });

  it('reads three milestones of mixed kinds', () => {
    const out = parseDeadlines('一季度启动,上半年完成试点,年底前全面完成', { year: 2019 });
    expect(out.map((d) => d.due)).toEqual(['2019-03-31', '2019-06-30', '2019-12-31']);
  });
});

type TextRow = [input: string, year: number, expected: Array<{ raw?: string | RegExp; kind: string; due: string | null }>];

const inText: TextRow[] = [
  ['…信息公开。年内开展地方政府债务信息公开办法研究制定工作。', 2018, [{ raw: '年内', kind: 'period', due: '2018-12-31' }]],
  [
    '各乡镇(街道)、有关部门要于2018年11月底前制定完善本地、本部门的…',
    2018,
    [{ raw: /^于?2018年11月底前$/, kind: 'date', due: '2018-11-30' }],
  ],
  ['网站开通与目录体系的调整应于6月底前按规范化要求完成。', 2019, [{ kind: 'date', due: '2019-06-30' }]],
  ['…权重不低于10%。年底前,各县区、市直各部门向市政务公开领导组通过OA系统报送…', 2019, [{ raw: '年底前', kind: 'period', due: '2019-12-31' }]],
  ['市政府办按照建设、评价标准并结合本通知确定的任务于9月组织有专业技术人员参加的评估', 2019, [{ raw: '于9月', kind: 'date', due: '2019-09-30' }]],
  ['在24小时内举行新闻发布会', 2019, [{ kind: 'relative', due: null }]],
  ['在每年1月31日前向本级政府报送年度报告', 2019, [{ kind: 'recurring', due: null }]],
  ['100个工作日以内', 2019, [{ kind: 'relative', due: null }]],
  ['力争2018年9月30日前上线运行', 2018, [{ kind: 'date', due: '2018-09-30' }]],
  ['各地区要在上半年,完成自查', 2018, [{ kind: 'period', due: '2018-06-30' }]],
  ['对本级政府或本部门2019年出台的规范性文件进行清理', 2019, []],
  ['根据《国务院办公厅关于印发开展基层政务公开标准化规范化试点工作方案的通知》(国办发〔2018〕22号)要求', 2019, []],
  ['(国办发〔201822号)', 2019, []],
  ['认真落实《2019年政务公开工作要点》', 2019, []],
  ['2020年以来,我市政务公开工作取得明显成效', 2020, []],
  ['全年46项重点工作', 2019, []],
  ['比2017年增长10%', 2019, []],
  ['拨打12345热线', 2019, []],
  ['联系电话:0564-3379080', 2019, []],
  ['网上办理事项达到90%以上', 2019, []],
  ['截至2018年底,全市共有', 2019, []],
  ['持续推进政务公开', 2019, []],
  ['发布日期:2018-08-13 来源:宁海县人民政府办公室', 2018, []],
  ['2020年4月,全市政务公开工作职能由市数据资源局移交市政府办公室', 2020, []],
  ['在2018年9月30日召开的会议上', 2018, []],
  ['县区政府(管委)、与宏观经济和民生关系密切的市政府部门主要负责人,年内解读重要政策措施不少于1次', 2019, []],
  ['围绕年内实现“双随机、一公开”监管全覆盖目标,汇总形成并统一公布本级随机抽查事项清单', 2019, []],
  ['2018年底前完成2019年度计划编制', 2018, [{ raw: '2018年底前', kind: 'period', due: '2018-12-31' }]],
];

describe('findDeadlinesInText', () => {
  it.each(inText)('%s', (input, year, expected) => {
    const out = findDeadlinesInText(input, { year });
    expect(out).toHaveLength(expected.length);
    expected.forEach((e, k) => {
      expect(out[k].kind).toBe(e.kind);
      expect(out[k].due).toBe(e.due);
      expect(out[k].inText).toBe(true);
      if (typeof e.raw === 'string') expect(out[k].raw).toBe(e.raw);
      else if (e.raw) expect(out[k].raw).toMatch(e.raw);
    });
  });

  it('returns nothing dated for year-null context', () => {
    expect(findDeadlinesInText('年底前完成', { year: null }).map((d) => d.due)).toEqual([null]);
  });
});

const looks: Array<[string, boolean]> = [
  ['全年', true],
  ['9月底前', true],
  ['2018630前,完成省政务服务中心大厅智能化升级改造', true],
  ['持续推进', true],
  ['每季度', true],
  ['2018年12月底前', true],
  ['完成时限:2018年底前', true],
  ['5个工作日内', true],
  ['长期坚持', true],
  ['2018年完成年度工作任务并持续推进', true],
  ['市发展改革委、市商务局牵头,市政府有关部门负责落实', false],
  ['把公开透明作为政府工作的基本要求,坚持以公开为常态、不公开为例外,推进决策、执行、管理、服务、结果公开', false],
  ['加快推进政务服务一网通办,2018年底前实现全覆盖', false],
  ['持续推进政务公开标准化规范化建设', false],
  ['', false],
  ['市政府办公室', false],
  ['2018年宁海县政务公开工作要点及责任分工', false],
  ['2020年以来,在市委、市政府的正确领导下', false],
  ['第二批12月底前', true],
  ['二期:2025年底前完工', true],
  ['第二批“川渝通办”事项清单', false],
];

describe('looksLikeDeadline', () => {
  it.each(looks)('%s → %s', (input, expected) => {
    expect(looksLikeDeadline(input)).toBe(expected);
  });
});
