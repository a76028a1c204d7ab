import { describe, it, expect } from 'vitest';
import { numbering, seqCell } from '../src/detect/numbering.js';
import { chineseNumeral } from '../src/normalize/numerals.js';
import { parseNotice } from '../src/parse.js';

describe('numbering', () => {
  it.each([
    ['一、着力加强公开解读回应工作', 'cn-dun', 1, '着力加强公开解读回应工作'],
    ['十二、加强监督', 'cn-dun', 12, '加强监督'],
    ['(一)围绕建设法治政府', 'cn-paren', 1, '围绕建设法治政府'],
    ['（十二）加大公共卫生', 'cn-paren', 12, '加大公共卫生'],
    ['〔三〕做好', 'cn-paren', 3, '做好'],
    ['1.坚持以公开为常态', 'arabic-dot', 1, '坚持以公开为常态'],
    ['12、强化考核', 'arabic-dot', 12, '强化考核'],
    ['3.2020年12月底前,完成排查', 'arabic-dot', 3, '2020年12月底前,完成排查'],
    ['３．加强', 'arabic-dot', 3, '加强'],
    ['(1)建立台账', 'arabic-paren', 1, '建立台账'],
    ['2)完善制度', 'arabic-paren', 2, '完善制度'],
    ['①梳理清单', 'circled', 1, '梳理清单'],
    ['一是强化工作保障。', 'cn-shi', 1, '强化工作保障。'],
    ['第二部分 重点任务', 'part', 2, '重点任务'],
    ['第十条 各级政府', 'article', 10, '各级政府'],
    ['任务三：燃煤锅炉整治', 'task', 3, '燃煤锅炉整治'],
    ['1.2推行垃圾分类', 'decimal', 2, '推行垃圾分类'],
    ['三）加强公共卫生', 'cn-paren', 3, '加强公共卫生'],
    ['B. 9月底前，新增社区医院5家', 'letter', 2, '9月底前，新增社区医院5家'],
    ['３．１ 建立台账', 'decimal', 1, '建立台账'],
    ['事项12、政务服务提速', 'task', 12, '政务服务提速'],
    ['专项二：农村人居环境整治', 'part', 2, '农村人居环境整治'],
    ['督办事项三：城区防洪治理', 'task', 3, '城区防洪治理'],
    ['第二，深化专项整治', 'ordinal', 2, '深化专项整治'],
  ])('%s', (text, kind, n, rest) => {
    expect(numbering(text)).toMatchObject({ kind, n, rest });
  });

  it.each(['专项资金管理办法', '2018年政务公开工作要点', '1.5亿元资金', '12345热线', '市财政局牵头', '十九大精神', '任务清单', '1.05公斤以下', '2.5%以上。', ''])('no numbering in %s', (text) => {
    expect(numbering(text)).toBeNull();
  });
});

describe('seqCell', () => {
  it.each([
    ['1', 1], ['27', 27], ['3.', 3], ['(十二)', 12], ['十二', 12], ['（4）', 4], ['１２', 12],
  ])('%s -> %d', (text, n) => expect(seqCell(text)).toBe(n));
  it.each(['全年', '2018615', '1.5', '市财政局', '0'])('%s is not a row number', (text) => expect(seqCell(text)).toBeNull());
});

describe('outline numbers from markup', () => {
  it.each([[1, '一'], [9, '九'], [10, '十'], [12, '十二'], [20, '二十'], [35, '三十五']])('%i is %s', (n, cn) => expect(chineseNumeral(n)).toBe(cn));

  it('an <ol> whose items hold lists counts 一、二、 and its inner lists 1. 2., as Word outlines print', async () => {
    const html = '<p>某市人民政府办公室关于印发2021年工作要点及责任分工的通知</p><ol><li>优化营商环境<ol><li>压缩开办时间。（牵头单位：市市场监管局）</li><li>推行电子证照。（牵头单位：市数据局）</li></ol></li><li>扩大有效投资<ol><li>新开工项目50个。（牵头单位：市发改委）</li></ol></li></ol>';
    const notice = await parseNotice(Buffer.from(html), { path: 't.html' });
    expect(notice.lists[0].tasks.map((t) => [t.seq, t.sections])).toEqual([
      ['1', ['一、优化营商环境']],
      ['2', ['一、优化营商环境']],
      ['1', ['二、扩大有效投资']],
    ]);
  });
});
