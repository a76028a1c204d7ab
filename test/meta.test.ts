import { describe, it, expect } from 'vitest';
import { extractMeta, dateLine } from '../src/normalize/meta.js';

const lines = (text: string) => text.split('\n').map((t, i) => ({ text: t, line: i + 1 }));
const everywhere = () => true;

describe('dateLine', () => {
  it.each([
    ['2018年8月13日', '2018-08-13'],
    ['２０１９年７月２日', '2019-07-02'],
    ['二〇一八年六月十五日', '2018-06-15'],
    ['二○○七年四月十三日', '2007-04-13'],
    ['2020-12-18', '2020-12-18'],
    ['2018615 \u00a0 \u00a0', '2018-06-15'],
    ['2021426', '2021-04-26'],
    ['2019116', null],
    ['——2024年1月10日在平阳县第十七届人民代表大会第四次会议上', '2024-01-10'],
    ['2019年2月29日', null],
    ['2018年8月13日印发', null],
  ])('%s -> %s', (text, iso) => expect(dateLine(text)).toBe(iso));
});

describe('extractMeta', () => {
  it('prefers the printed title, 文号 and signature over the page fields', () => {
    const meta = extractMeta(
      lines(`首页 > 政府文件
名  称: 某市人民政府办公室关于印发2021年重点任务分工的通知 内容分类: 综合
文  号: 某政办〔2021〕3号 关 键 词:
发布日期: 2021-03-09
某市人民政府办公室关于印发2021年重点任务分工的通知
某政办〔2021〕3号
各县区人民政府:
现将…印发给你们。
某市人民政府办公室
2021年3月5日`),
      everywhere,
    );
    expect(meta).toEqual({ title: '某市人民政府办公室关于印发2021年重点任务分工的通知', docNumber: '某政办〔2021〕3号', issuer: '某市人民政府办公室', issuedOn: '2021-03-05', year: 2021 });
  });

  it('falls back to the page fields, and reads a 文号 printed after the title', () => {
    const meta = extractMeta(lines('2021年县政府重点工作任务(华政发〔2021〕2号)\n发布机构:县人民政府办公室\n生成日期:2021-03-23'), everywhere);
    expect(meta).toMatchObject({ title: '2021年县政府重点工作任务(华政发〔2021〕2号)', docNumber: '华政发〔2021〕2号', issuedOn: '2021-03-23', year: 2021 });
  });

  it.each(['发文字号', '字号', '文号'])('reads the 文号 from a %s field', (label) => {
    const meta = extractMeta(lines(`发文机关：某州人民政府办公室\n${label}：某州府办发〔2023〕7号\n某州人民政府办公室关于印发2023年重点任务分工的通知`), everywhere);
    expect(meta.docNumber).toBe('某州府办发〔2023〕7号');
  });

  it('joins a title printed over three lines: issuer, 关于…, and the tail', () => {
    const meta = extractMeta(lines('某市人民政府办公室文件\n某政办〔2022〕31号\n某市人民政府办公室\n关于印发某市2022年文旅融合发展\n重点任务分工方案的通知\n各县（市、区）人民政府：'), everywhere);
    expect(meta.title).toBe('某市人民政府办公室关于印发某市2022年文旅融合发展重点任务分工方案的通知');
  });

  it('reads the fields of a page info table: a merged title cell, label and value cells side by side', async () => {
    const { parseNotice } = await import('../src/parse.js');
    const html = '<table><tr><td>标    题</td><td colspan="3">某市人民政府办公室关于印发2024年重点任务分工的通知</td></tr><tr><td>文号</td><td>某政办〔2024〕5号</td><td>发布日期</td><td>2024-03-12</td></tr></table><p>正文</p>';
    const { meta } = await parseNotice(Buffer.from(html), { path: 't.html' });
    expect(meta).toMatchObject({ title: '某市人民政府办公室关于印发2024年重点任务分工的通知', docNumber: '某政办〔2024〕5号' });
  });

  it('a title spanning two years works to the first', () => {
    const meta = extractMeta(lines('某市人民政府办公室关于印发某市2018—2019年供暖期供热保障任务分工的通知'), everywhere);
    expect(meta.year).toBe(2018);
  });

  it('joins a title wrapped over two lines', () => {
    const meta = extractMeta(lines('某县人民政府办公室关于印发某县2022年乡村振兴重点\n工作任务分工方案的通知\n某政办发〔2022〕9号'), everywhere);
    expect(meta.title).toBe('某县人民政府办公室关于印发某县2022年乡村振兴重点工作任务分工方案的通知');
  });

  it('reads a 文号 printed beside its date or its 签发人, with or without space between', () => {
    expect(extractMeta(lines('某县人民政府办公室文件\n某政办发〔2024〕8号　　　　　　签发人：王某\n某县人民政府办公室关于印发2024年重点任务分工的通知'), everywhere).docNumber).toBe('某政办发〔2024〕8号');
    expect(extractMeta(lines('某市人民政府办公室关于印发2023年重点任务分工的通知\n2023年5月19日某政办秘〔2023〕41号'), everywhere).docNumber).toBe('某政办秘〔2023〕41号');
    expect(extractMeta(lines('某市人民政府办公室关于印发2023年重点任务分工的通知\n某政办秘〔2023〕41号 2023年5月19日'), everywhere).docNumber).toBe('某政办秘〔2023〕41号');
    // Anything else on the line makes it a sentence that cites a number, not the notice's own.
    expect(extractMeta(lines('某市人民政府办公室关于印发2023年重点任务分工的通知\n根据 某政办秘〔2023〕41号'), everywhere).docNumber).toBeNull();
  });

  it('never takes a cited document number for the notice own', () => {
    const meta = extractMeta(lines('某市人民政府办公室关于印发2019年工作要点的通知\n为落实《国务院办公厅关于…的通知》(国办发〔2019〕14号)精神,现印发。'), everywhere);
    expect(meta.docNumber).toBeNull();
  });

  it('a date inside a task list is not the signing date', () => {
    const meta = extractMeta(lines('某通知\n2021年6月30日\n某市人民政府\n2021年1月8日'), (line) => line !== 2);
    expect(meta.issuedOn).toBe('2021-01-08');
  });

  it('a title that opens with 关于, alone or under its issuer', () => {
    expect(extractMeta(lines('关于印发某市2024年民生实事工作分工的通知\n某政办〔2024〕2号'), everywhere).title).toBe('关于印发某市2024年民生实事工作分工的通知');
    expect(extractMeta(lines('某市人民政府办公室\n关于印发某市2024年民生实事工作分工的通知'), everywhere).title).toBe('某市人民政府办公室关于印发某市2024年民生实事工作分工的通知');
  });

  it('lines repeated inside a task list (a leader, a unit) are not a headline', () => {
    const meta = extractMeta(lines('附件2\n副市长 张某\n市住建局\n副市长 张某\n市住建局'), (line) => line === 1);
    expect(meta.title).toBeNull();
  });

  it('a site name, a breadcrumb or a field line is no headline', () => {
    const meta = extractMeta(lines('某市统计局\n首页 > 政府信息公开 > 计划总结\n信息分类：计划总结\n某市统计局2024年工作计划\n正文。\n某市统计局\n2024年2月6日'), everywhere);
    expect(meta.title).toBe('某市统计局2024年工作计划');
  });

  it('a reply letter is titled like a notice; a 公众号 article by its headline over the account and post time', () => {
    expect(extractMeta(lines('某市城管局关于市人大第12号建议的答复\n某城管函〔2024〕3号'), everywhere).title).toBe('某市城管局关于市人大第12号建议的答复');
    const post = extractMeta(lines('8项重点任务！某市今年这样抓营商环境\n原创 某市发布 2023-04-21 18:06 发表于浙江\n某市2023年营商环境重点任务分工'), everywhere);
    expect(post).toMatchObject({ title: '8项重点任务！某市今年这样抓营商环境', issuedOn: '2023-04-21' });
  });

  it('a list page of many dated titles has no title, number, issuer or date of its own', () => {
    const entries = Array.from({ length: 10 }, (_, i) => `关于印发某市2023年第${i + 1}项工作任务分工的通知    2023-0${(i % 9) + 1}-15`);
    expect(extractMeta(lines(['某市人民政府', '市政府办公室文件', ...entries, '首页 上一页 1 2 下一页 尾页'].join('\n')), everywhere)).toEqual({ title: null, docNumber: null, issuer: null, issuedOn: null, year: null });
  });

  it('an issuer and date one space apart sign the notice', () => {
    expect(extractMeta(lines('某市人民政府办公室关于印发2023年重点任务分工的通知\n正文。\n某市人民政府办公室 2023年3月8日\n某市人民政府办公室 2023年3月9日印发'), everywhere)).toMatchObject({ issuer: '某市人民政府办公室', issuedOn: '2023-03-08' });
  });

  it('a notice that tabulates dated lines is still a notice, not a list page', () => {
    const rows = Array.from({ length: 9 }, (_, i) => `${i + 1}.推进第${i + 1}项重点工作（市财政局负责）   2023-06-30`);
    const meta = extractMeta(lines(['某市人民政府办公室关于印发2023年重点工作任务分工的通知', ...rows, '某市人民政府办公室', '2023年3月1日'].join('\n')), everywhere);
    expect(meta).toMatchObject({ title: '某市人民政府办公室关于印发2023年重点工作任务分工的通知', issuedOn: '2023-03-01', year: 2023 });
  });

  it('the signature date stands under its issuer, not in a schedule above it', () => {
    const meta = extractMeta(lines('某市住建局监理服务招标公告\n序号\n事项\n时间\n1\n发布招标公告\n2023年5月12日\n采购人：某市住房和城乡建设局\n2023年5月11日'), everywhere);
    expect(meta.issuedOn).toBe('2023-05-11');
  });

  it('a news headline reporting on a task division is the page title, not the notice it names', () => {
    const meta = extractMeta(lines('我市印发2024年供水保障重点任务分工 明确十项任务\n发布时间：2024-03-22 11:05　来源：某市人民政府办公室\n近日，市政府办公室印发《某市2024年供水保障重点任务分工》。\n相关文件：某市人民政府办公室关于印发某市2024年供水保障重点任务分工的通知'), everywhere);
    expect(meta.title).toBe('我市印发2024年供水保障重点任务分工 明确十项任务');
  });

  it('reads a page field labelled in brackets (【文号】X) and titles minutes by their 纪要 heading', () => {
    expect(extractMeta(lines('【文号】丹政发〔2011〕15号\n某市节能减排工作任务分解方案\n正文。'), everywhere).docNumber).toBe('丹政发〔2011〕15号');
    expect(extractMeta(lines('某市人民政府第三十二次常务会议纪要\n一、会议议定'), everywhere).title).toBe('某市人民政府第三十二次常务会议纪要');
  });
});
