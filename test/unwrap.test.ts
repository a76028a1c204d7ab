import { describe, it, expect } from 'vitest';
import { unwrap, isPageNumber } from '../src/read/unwrap.js';

/** Wraps paragraphs at a page width of `cols` columns (CJK two each), as a PDF copy does. */
function hardWrap(paragraphs: string[], cols: number): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    let line = '';
    let w = 0;
    for (const ch of p) {
      const cw = ch.charCodeAt(0) > 0xff ? 2 : 1;
      if (w + cw > cols) {
        out.push(line);
        line = '';
        w = 0;
      }
      line += ch;
      w += cw;
    }
    out.push(line);
  }
  return out;
}

const PARAGRAPHS = [
  '　　1．推进城市更新行动，完成老旧小区改造120个，同步实施雨污分流和加装电梯，改善居民居住条件。（牵头单位：市住建局；责任单位：各区人民政府、市财政局）',
  '　　2．加快轨道交通建设，确保地铁3号线一期工程年底前通车运营，启动4号线前期工作。（市交通局牵头，市发改委、市自然资源局配合）',
  '　　3．实施公园城市建设行动，新建口袋公园30个、绿道50公里，建成区绿化覆盖率达到42%以上。（牵头单位：市园林局；责任单位：各区人民政府）',
  '　　4．提升城市精细化管理水平，推进背街小巷整治，完成道路综合整治项目60个。（牵头单位：市城管局）',
];

describe('unwrap', () => {
  it('joins paragraphs hard-wrapped at a page width, across a page number, keeping first line numbers', () => {
    const lines = hardWrap(PARAGRAPHS, 60);
    const at = lines.findIndex((l) => l.includes('地铁'));
    lines.splice(at + 1, 0, '', '— 2 —', '');
    const out = unwrap(lines)!;
    expect(out.filter((l) => l.text.trim() !== '').map((l) => l.text)).toEqual(PARAGRAPHS);
    expect(out[0].line).toBe(1);
    // The page number is gone, but the line after it says the text was paged.
    expect(out.filter((l) => l.pageBreak).map((l) => l.text)).toEqual([PARAGRAPHS[PARAGRAPHS.findIndex((p) => p.includes('地铁')) + 1]]);
  });

  it('leaves text alone that is not hard-wrapped: one paragraph per line, of any length', () => {
    expect(unwrap([...PARAGRAPHS, '附件', '某市2024年重点任务清单', ...PARAGRAPHS])).toBeNull();
  });

  it('leaves alone a list whose lines share a length but end their sentences', () => {
    const items = Array.from({ length: 12 }, (_, k) => `（${'一二三四五六七八九十'[k % 10]}）推进重点项目建设，完成年度投资计划的百分之九十五以上。`);
    const lines = items.flatMap((item) => [item, '责任单位：市发展改革委、市财政局', '完成时限：持续推进']);
    expect(unwrap(lines)).toBeNull();
  });

  it('leaves alone a flattened table whose long unit cells share a width, each followed by a short cell', () => {
    const rows = Array.from({ length: 8 }, (_, k) => [String(k + 1), '推进政务服务一网通办。', '市应急管理办、县交通运输局牵头,区工信局、区民政委、区文化旅游办配合', '持续推进']);
    expect(unwrap(rows.flat())).toBeNull();
  });

  it('joins without indentation only where the next line does not open a numbered item after a closed sentence', () => {
    const flat = hardWrap(PARAGRAPHS.map((p) => p.trimStart()), 50);
    expect(unwrap(flat)!.map((l) => l.text)).toEqual(PARAGRAPHS.map((p) => p.trimStart()));
  });

  it('a numbered line after a line that closes an item\'s clause at the page edge opens a new paragraph', () => {
    // 19 characters a line, two columns each: every line but the closing ones runs to the edge.
    const lines = [
      '1．开展火灾隐患排查整治，对林区输配电线路',
      '、加油站、旅游景区等重点部位开展拉网式排查',
      '，建立隐患台账。（市应急管理局牵头，国网供',
      '电公司、市交通运输局配合；5月31日前完成）',
      '2．严厉打击违法用火行为，依法查处野外违规',
      '用火、烧荒、上坟烧纸等行为。（市公安局负责',
      '，市林业和草原局、各县区人民政府配合）',
      '3．加强专业扑火队伍建设，新建半专业扑火队',
      '12支，开展实战化训练，每支队伍全年训练',
    ];
    expect(unwrap(lines)!.map((l) => l.text.slice(0, 2))).toEqual(['1．', '2．', '3．']);
  });

  it.each([['— 3 —', true], ['- 12 -', true], ['第3页 共5页', true], ['3', false], ['一、总体要求', false]])('%s is a page number: %s', (line, yes) => {
    expect(isPageNumber(line)).toBe(yes);
  });
});
