import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parseNotice } from '../src/parse.js';
import { Notice } from '../src/model/schema.js';
import { InputError } from '../src/errors.js';
import { sniffFormat, formatFromPath, htmlCharset } from '../src/read/index.js';
import { readHtml } from '../src/read/html.js';
import { readMarkdown } from '../src/read/markdown.js';
import { readDocx } from '../src/read/docx.js';
import type { Block, Table } from '../src/read/blocks.js';
import { compare, type Gold } from './gold.js';

const root = new URL('../fixtures/', import.meta.url).pathname;
const formats = join(root, 'formats');
const extra = (name: string) => readFileSync(join(formats, 'extra', name));
const golds = readdirSync(join(root, 'gold'))
  .filter((f) => f.endsWith('.gold.json'))
  .map((f) => JSON.parse(readFileSync(join(root, 'gold', f), 'utf8')) as Gold);

const FORMAT = { html: 'html', md: 'markdown', docx: 'docx' } as const;

describe.each(Object.entries(FORMAT))('seeds rendered as .%s', (ext, format) => {
  it.each(golds.map((g) => [g.file, g] as const))('%s', async (_, gold) => {
    const name = gold.file.replace(/\.txt$/, `.${ext}`);
    const notice = await parseNotice(readFileSync(join(formats, name)), { path: name });
    expect(Notice.safeParse(notice).success).toBe(true);
    expect(notice.source.format).toBe(format);
    expect(compare(notice, gold)).toEqual([]);
  });
});

const texts = (blocks: Block[]) => blocks.map((b) => (b.kind === 'line' ? b.text : b.rows.map((r) => r.map((c) => c.text))));
const tableOf = (blocks: Block[]) => blocks.find((b): b is Table => b.kind === 'table')!;

describe('readHtml', () => {
  it('expands rowspan and colspan into a full grid, keeping <br> and <p> in cells as line breaks', () => {
    const table = tableOf(
      readHtml(`<table>
<tr><th>序号</th><th colspan="2">内容</th><th>牵头单位</th></tr>
<tr><td>1</td><td rowspan="2">甲类</td><td>第一行<br>第二行</td><td rowspan="2">市财政局</td></tr>
<tr><td>2</td><td><p>段一</p><p>段二</p></td></tr>
</table>`),
    );
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['序号', '内容', '内容', '牵头单位'],
      ['1', '甲类', '第一行\n第二行', '市财政局'],
      ['2', '甲类', '段一\n段二', '市财政局'],
    ]);
    // A spanned copy carries its own row's line, so each task keeps the line it sits on.
    expect(table.rows[2].map((c) => c.line)).toEqual([4, 4, 4, 4]);
    expect(table.line).toBe(1);
  });

  it('pads short rows so the grid is rectangular', () => {
    const table = tableOf(readHtml('<table><tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr><tr><td>1</td><td>甲</td></tr></table>'));
    expect(table.rows[1].map((c) => c.text)).toEqual(['1', '甲', '']);
  });

  it('leaves out scripts, styles, navigation, breadcrumbs, share bars and the page footer', () => {
    const blocks = readHtml(`<html><head><title>标题</title><style>p{}</style></head><body>
<script>var a = "脚本";</script>
<nav>首页 | 政策文件</nav>
<div class="breadcrumb">当前位置:首页 &gt; 通知</div>
<div id="mainMenu">机构 | 服务</div>
<p>正文第一段</p>
<div class="bdsharebuttonbox">分享到</div>
<article><p>文章正文</p><footer>某市人民政府办公室</footer></article>
<p hidden>隐藏</p><p style="display: none">也隐藏</p>
<footer>版权所有</footer>
</body></html>`);
    expect(texts(blocks)).toEqual(['正文第一段', '文章正文', '某市人民政府办公室']);
  });

  it('keeps a class-named wrapper that holds the content', () => {
    const blocks = readHtml(`<div class="menu-layout"><p>正文</p><table><tr><td>序号</td><td>责任单位</td></tr><tr><td>1</td><td>甲</td></tr></table></div>`);
    expect(texts(blocks)).toEqual(['正文', [['序号', '责任单位'], ['1', '甲']]]);
  });

  it('decodes entities and joins a source line break between Chinese characters', () => {
    expect(texts(readHtml('<p>政务&amp;公开&#x4E00;&lt;&nbsp;x</p><p>政务\n   公开 and\n  more</p>'))).toEqual(['政务&公开一<\u00a0x', '政务公开 and more']);
  });

  it('reads a layout table as the flow it lays out, with the nested task table as a table', () => {
    const blocks = readHtml(`<table><tr><td><div>首页</div></td></tr><tr><td>
<p>通知正文</p>
<table><tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr><tr><td>1</td><td>任务</td><td>市政府办</td></tr></table>
</td></tr></table>`);
    expect(texts(blocks)).toEqual(['首页', '通知正文', [['序号', '工作任务', '责任单位'], ['1', '任务', '市政府办']]]);
  });

  it('reads a single-column table as lines', () => {
    expect(texts(readHtml('<table><tr><td><p>一、总体要求</p><p>正文</p></td></tr><tr><td>落款</td></tr></table>'))).toEqual(['一、总体要求', '正文', '落款']);
  });

  it('prints ordered-list numbers into the text', () => {
    expect(texts(readHtml('<ol start="3"><li><p>甲项</p></li><li>乙项</li><li value="9">丙项</li></ol><ol><li>丁项</li></ol>'))).toEqual(['3.甲项', '4.乙项', '9.丙项', '1.丁项']);
  });

  it('numbers blocks by source line, or in reading order when the page has no lines of its own', () => {
    expect(readHtml('<p>甲</p>\n\n<p>乙</p>').map((b) => b.line)).toEqual([1, 3]);
    expect(readHtml('<p>甲</p><p>乙</p><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>').map((b) => b.line)).toEqual([1, 2, 3]);
    expect(readHtml('<p>甲</p>', { ordinal: true }).map((b) => b.line)).toEqual([1]);
  });
});

describe('readMarkdown', () => {
  it('reads headings, paragraph lines and ordered items with their numbers and lines', () => {
    const blocks = readMarkdown('# 标题\n\n## 一、总体要求\n\n第一行\n第二行\n\n3. 甲项\n4. 乙项\n\n- 无序项\n');
    expect(blocks).toEqual([
      { kind: 'line', text: '标题', line: 1 },
      { kind: 'line', text: '一、总体要求', line: 3 },
      { kind: 'line', text: '第一行', line: 5 },
      { kind: 'line', text: '第二行', line: 6 },
      { kind: 'line', text: '3.甲项', line: 8 },
      { kind: 'line', text: '4.乙项', line: 9 },
      { kind: 'line', text: '无序项', line: 11 },
    ]);
  });

  it('reads a pipe table as a grid, with <br> as a line break and escaped pipes as text', () => {
    const table = tableOf(readMarkdown('任务\n\n| 序号 | 工作任务 | 责任单位 |\n| - | :-: | --- |\n| 1 | 甲<br>乙 | 市A\\|市B |\n| 2 | 丙 |\n'));
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['序号', '工作任务', '责任单位'],
      ['1', '甲\n乙', '市A|市B'],
      ['2', '丙', ''],
    ]);
    expect(table.rows.map((r) => r[0].line)).toEqual([3, 5, 6]);
  });

  it('takes ** next to Chinese punctuation for emphasis, so no asterisks stay in a cell', () => {
    const table = tableOf(readMarkdown('| 序号 | 工作任务 |\n| --- | --- |\n| 1 | 升级**“一键游”**平台，**推进**智慧旅游。 |\n'));
    expect(table.rows[1][1].text).toBe('升级“一键游”平台，推进智慧旅游。');
  });

  it('reads pipe rows without a delimiter row as a table too, one-cell rows and <br> included', () => {
    const table = tableOf(readMarkdown('**清单**\n\n| 序号 | 工作任务 | 牵头单位 |\n| 一、产业发展 |\n| 1 | 甲<br/>乙 | 市A\\|市B |\n\n正文\n'));
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['序号', '工作任务', '牵头单位'],
      ['一、产业发展', '', ''],
      ['1', '甲\n乙', '市A|市B'],
    ]);
    expect(table.rows.map((r) => r[0].line)).toEqual([3, 4, 5]);
  });

  it('reads a raw HTML table (merged cells a pipe table cannot hold) at its own lines', () => {
    const blocks = readMarkdown('说明\n\n<!-- 注释 -->\n\n<table>\n<tr><td>序号</td><td>牵头单位</td></tr>\n<tr><td>1</td><td rowspan="2">甲</td></tr>\n<tr><td>2</td></tr>\n</table>\n', readHtml);
    const table = tableOf(blocks);
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([['序号', '牵头单位'], ['1', '甲'], ['2', '甲']]);
    expect(table.rows.map((r) => r[0].line)).toEqual([6, 7, 8]);
  });

  it('reads a pandoc grid table: walls at display columns, wrapped lines run on, a blank line parts paragraphs, a spanning row fills its columns', () => {
    const md = [
      '说明',
      '',
      '+----+--------------+--------+----------+',
      '| 序 | 工作任务     | 牵     | 完成时限 |',
      '| 号 |              | 头单位 |          |',
      '+====+==============+========+==========+',
      '| 一、源头减量                          |',
      '+----+--------------+--------+----------+',
      '| 1  | 推进“无废”园 | 市发展 | 2023年   |',
      '|    | 区建设。     | 改革委 | 6月底前  |',
      '|    |              |        |          |',
      '|    |              | 市经信 | 2023年12 |',
      '|    |              | 局     | 月底前   |',
      '+----+--------------+--------+----------+',
      '',
      '正文',
    ].join('\n');
    const blocks = readMarkdown(md);
    expect(tableOf(blocks).rows.map((r) => r.map((c) => c.text))).toEqual([
      ['序号', '工作任务', '牵头单位', '完成时限'],
      ['一、源头减量', '一、源头减量', '一、源头减量', '一、源头减量'],
      ['1', '推进“无废”园区建设。', '市发展改革委\n市经信局', '2023年6月底前\n2023年12月底前'],
    ]);
    expect(tableOf(blocks).rows.map((r) => r[0].line)).toEqual([4, 7, 9]);
    expect(blocks.flatMap((b) => (b.kind === 'line' ? [b.text] : []))).toEqual(['说明', '正文']);
  });

  it('drops struck-out text: a replaced deadline is not a deadline', () => {
    const table = tableOf(readMarkdown('| 序号 | 完成时限 |\n| - | - |\n| 1 | ~~2023年6月底前~~ 2023年9月底前 |\n'));
    expect(table.rows[1][1].text).toBe('2023年9月底前');
    // One tilde is a range, not a strike: 3月~6月排查.
    expect(readMarkdown('3月~6月排查，7月~12月整改\n')).toEqual([{ kind: 'line', text: '3月~6月排查，7月~12月整改', line: 1 }]);
  });

  it('reads text indented as code (首行缩进) as lines', () => {
    expect(texts(readMarkdown('标题\n\n    一、总体要求\n    正文\n'))).toEqual(['标题', '一、总体要求', '正文']);
  });
});

describe('HTML pages', () => {
  it('parses a page with navigation chrome and a layout table around the task table', async () => {
    const notice = await parseNotice(extra('chrome.html'), { path: 'chrome.html' });
    expect(notice.meta).toMatchObject({ title: '某市人民政府办公室关于印发2021年政务公开重点工作任务分工的通知', docNumber: '某政办〔2021〕7号', issuedOn: '2021-04-02' });
    const tasks = notice.lists.flatMap((l) => l.tasks);
    expect(tasks.map((t) => [t.seq, t.lead, t.implementing, t.deadlines.map((d) => d.due)])).toEqual([
      ['1', ['市政府办公室'], ['市直各部门'], ['2021-06-30']],
      ['2', ['市司法局'], ['各县(区)政府'], ['2021-12-31']],
      ['3', ['市政务公开办'], ['市直各部门'], ['2021-01-31']],
    ]);
    expect(tasks[0].text).toBe('加强政策解读&回应,\n做好重要政策的解读工作。');
  });

  it('decodes a page in the charset its <meta> declares (GB2312 bytes)', async () => {
    const bytes = extra('gb2312.html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const notice = await parseNotice(bytes, { path: 'gb2312.html' });
    expect(notice.source.encoding).toBe('gb18030');
    expect(notice.meta.title).toBe('某县人民政府办公室关于印发2019年政务公开工作要点的通知');
    expect(notice.lists[0].tasks.map((t) => t.lead)).toEqual([['县政府办公室'], ['县发展改革局'], ['县委宣传部']]);
  });

  it('takes <meta charset> over a guess, a BOM over <meta>, and UTF-8 bytes over a stale <meta>', () => {
    const page = (charset: string) => `<html><head><meta charset="${charset}"></head><body><p>政务公开</p></body></html>`;
    expect(htmlCharset(iconv.encode(page('GB2312'), 'gb2312'), 'html')).toBe('gb18030');
    expect(htmlCharset(iconv.encode(page('big5'), 'big5'), null)).toBe('big5');
    expect(htmlCharset(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('gbk'))]), 'html')).toBeUndefined();
    expect(htmlCharset(Buffer.from(page('gb2312')), 'html')).toBeUndefined();
    expect(htmlCharset(iconv.encode(page('gb2312'), 'gb2312'), 'text')).toBeUndefined();
  });

  it('gives every row of a lead cell merged over five rows that lead unit', async () => {
    const notice = await parseNotice(extra('merged-lead.html'), { path: 'merged-lead.html' });
    const tasks = notice.lists[0].tasks;
    expect(tasks.map((t) => t.lead)).toEqual([...new Array(5).fill(['市财政局']), ['市公共资源交易中心']]);
    expect(tasks.every((t) => t.sections.join() === '财政信息公开')).toBe(true);
    expect(new Set(tasks.map((t) => t.line)).size).toBe(6);
  });

  it('reports the source line of each task row', async () => {
    const name = '000_01622556c790d653.html';
    const html = readFileSync(join(formats, name), 'utf8').split('\n');
    const notice = await parseNotice(Buffer.from(html.join('\n')), { path: name });
    const first = notice.lists[0].tasks[0];
    expect(html[first.line! - 1]).toMatch(/^<tr><td>1<\/td>/);
  });
});

describe('plain text chrome', () => {
  it('drops a viewer\'s line numbers when every line opens with its own, and keeps a ★ the notice says marks leads', async () => {
    const body = [
      '某市人民政府办公室关于印发2022年重点任务分工的通知',
      '',
      '注：责任单位中标注★的为牵头单位。',
      '序号',
      '工作任务',
      '责任单位',
      '完成时限',
      '1',
      '12个村庄完成污水治理。',
      '★市生态环境局、市住建局',
      '9月底前',
      '2',
      '2022年新建改造户厕3000座。',
      '★市农业农村局、市卫健委',
      '年底前',
    ];
    const numbered = body.map((l, i) => `${String(i + 1).padStart(3)}  ${l}`).join('\n');
    const notice = await parseNotice(Buffer.from(numbered), { path: 't.txt' });
    expect(notice.meta.title).toBe('某市人民政府办公室关于印发2022年重点任务分工的通知');
    expect(notice.lists[0].tasks.map((t) => [t.seq, t.text, t.lead, t.implementing])).toEqual([
      ['1', '12个村庄完成污水治理。', ['市生态环境局'], ['市住建局']],
      ['2', '2022年新建改造户厕3000座。', ['市农业农村局'], ['市卫健委']],
    ]);
  });
});

describe('merged cells in the body of an HTML table', () => {
  it('measures under a 序号 and goal merged over them are tasks of their own; a unit cell across 牵头 and 配合 leads', async () => {
    const html = `<p>某市人民政府办公室关于印发2024年目标任务分解表的通知</p><table>
<tr><td>序号</td><td>目标任务</td><td>具体措施</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>
<tr><td rowspan="2">1</td><td rowspan="2">PM2.5浓度控制在26以内</td><td>实施砂石企业全封闭改造。</td><td>市工信局</td><td>市生态环境局</td><td>6月底前</td></tr>
<tr><td>强化建筑工地扬尘管控。</td><td colspan="2">市住建局</td><td>5月底前</td></tr>
<tr><td>2</td><td>优良天数比率达到90%</td><td>建立联防联控机制。</td><td>市生态环境局</td><td>市气象局</td><td>9月底前</td></tr>
</table>`;
    const notice = await parseNotice(Buffer.from(html), { path: 't.html' });
    expect(notice.lists[0].tasks.map((t) => [t.seq, t.sections, t.text, t.lead, t.implementing])).toEqual([
      ['1', ['PM2.5浓度控制在26以内'], '实施砂石企业全封闭改造。', ['市工信局'], ['市生态环境局']],
      ['1', ['PM2.5浓度控制在26以内'], '强化建筑工地扬尘管控。', ['市住建局'], []],
      ['2', ['优良天数比率达到90%'], '建立联防联控机制。', ['市生态环境局'], ['市气象局']],
    ]);
  });
});

describe('tables across pages and one-space cells', () => {
  const HEAD = '某州人民政府办公室关于印发2023年民生实事任务分工的通知\n';
  const row = (n: number, text: string, lead: string, due: string) => `<tr><td>${n}</td><td>${text}</td><td>${lead}</td><td>${due}</td></tr>`;
  const header = '<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>完成时限</td></tr>';

  it('a Word table cut by a page break goes on under its repeated header, in the section it was in', async () => {
    const html = `<html><body><p>${HEAD}</p><p>2023年民生实事任务分工</p><table>${header}<tr><td colspan="4">一、教育</td></tr>${row(1, '新建幼儿园3所。', '州教育局', '8月底前')}<tr><td colspan="4">二、医疗</td></tr>${row(2, '新建社区医院2家。', '州卫健委', '9月底前')}</table>
<p>&nbsp;</p><br style="page-break-before:always"><table>${header}${row(3, '改造乡镇卫生院5家。', '州卫健委', '10月底前')}</table><p>某州人民政府办公室</p></body></html>`;
    const notice = await parseNotice(Buffer.from(html), { path: 't.html' });
    expect(notice.lists).toHaveLength(1);
    expect(notice.lists[0].tasks.map((t) => [t.seq, t.sections, t.lead])).toEqual([
      ['1', ['一、教育'], ['州教育局']],
      ['2', ['二、医疗'], ['州卫健委']],
      ['3', ['二、医疗'], ['州卫健委']],
    ]);
  });

  it('rows whose cells one ideographic space each sets apart; two in a row are an empty cell', async () => {
    const S = '\u3000';
    const text = `${HEAD}首页${S}政务公开${S}政策文件\n\n序号${S}工作任务${S}牵头单位${S}配合单位${S}完成时限\n一、教育\n1${S}新建幼儿园3所。${S}州教育局${S}州财政局${S}8月底前\n2${S}改造薄弱学校5所。${S}州教育局${S}${S}全年\n3${S}建设学生食堂4个。${S}州教育局${S}各县人民政府${S}\n`;
    const notice = await parseNotice(Buffer.from(text), { path: 't.txt' });
    expect(notice.lists[0].tasks.map((t) => [t.seq, t.sections, t.lead, t.implementing, t.deadlines.map((d) => d.due)])).toEqual([
      ['1', ['一、教育'], ['州教育局'], ['州财政局'], ['2023-08-31']],
      ['2', ['一、教育'], ['州教育局'], [], ['2023-12-31']],
      ['3', ['一、教育'], ['州教育局'], ['各县人民政府'], []],
    ]);
  });
});

describe('input errors', () => {
  const inputError = async (bytes: Uint8Array, path: string | null, format?: 'docx' | 'html') => {
    const e = await parseNotice(bytes, { path, format }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  };

  it('asks for a .doc file to be converted to .docx', async () => {
    const e = await inputError(extra('legacy.doc'), 'notice.doc');
    expect(e.code).toBe('doc-format');
    expect(e.message).toBe('is a legacy .doc file: convert it to .docx (e.g. libreoffice --headless --convert-to docx) and try again');
    expect((await inputError(extra('legacy.doc'), null)).code).toBe('doc-format');
    expect((await inputError(Buffer.from('{\\rtf1\\ansi 通知}'), 'notice.doc')).code).toBe('doc-format');
  });

  it('says a damaged DOCX is damaged', async () => {
    expect((await inputError(extra('broken.docx'), 'broken.docx')).code).toBe('bad-docx');
  });

  it('says a ZIP that is not a DOCX is not one', async () => {
    const e = await inputError(extra('archive.zip'), 'archive.zip');
    expect(e.code).toBe('not-docx');
    expect((await inputError(extra('archive.zip'), null)).code).toBe('not-docx');
  });

  it('says bytes named DOCX that are not a ZIP are not a DOCX', async () => {
    expect((await inputError(Buffer.from('一、总体要求'), 'notice.docx')).code).toBe('not-docx');
    expect((await inputError(Buffer.from('一、总体要求'), null, 'docx')).code).toBe('not-docx');
  });

  it('gives up on a DOCX that takes too long', async () => {
    const e = await readDocx(readFileSync(join(formats, '002_daf8c5972cb24576.docx')), 1).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe('timeout');
  });
});

describe('Word numbering in a DOCX', () => {
  it('counts items on across typed headings, restarts a new list instance, and numbers 序号 cells as Word shows them', async () => {
    const { Document, Packer, Paragraph, Table, TableRow, TableCell, LevelFormat, AlignmentType } = await import('docx');
    const level = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => [{ level: 0, format, text, alignment: AlignmentType.START }];
    const numbering = {
      config: [
        { reference: 'items', levels: level(LevelFormat.DECIMAL, '%1.') },
        { reference: 'parts', levels: level(LevelFormat.CHINESE_COUNTING, '（%1）') },
        { reference: 'rows', levels: level(LevelFormat.DECIMAL, '%1') },
      ],
    };
    const item = (text: string, reference = 'items', instance = 1) => new Paragraph({ text, numbering: { reference, level: 0, instance } });
    const cell = (text: string, numbered = false) => new TableCell({ children: [numbered ? item(text, 'rows') : new Paragraph(text)] });
    const row = (...texts: string[]) => new TableRow({ children: texts.map((t, i) => cell(t, i === 0 && t === '')) });
    const doc = new Document({
      numbering,
      sections: [{
        children: [
          new Paragraph('某市人民政府办公室关于印发2024年重点任务分工的通知'),
          new Paragraph('附件1'),
          new Paragraph('某市2024年重点任务分工'),
          new Paragraph('一、产业发展'),
          item('培育新能源汽车产业集群。（市工信局牵头，市发改委配合）'),
          item('建设数字经济产业园。（市发改委牵头）'),
          new Paragraph('二、民生保障'),
          item('新建社区养老服务中心12个。（市民政局牵头）'),
          new Paragraph('附件2'),
          new Paragraph('某市2024年民生实事责任分工'),
          item('改造老旧小区30个。（市住建局牵头）', 'parts', 1),
          item('新增停车泊位2000个。（市公安局牵头）', 'parts', 1),
          new Paragraph('附件3'),
          new Paragraph('某市2024年督办事项清单'),
          new Table({ rows: [row('序号', '督办事项', '牵头单位'), row('', '建成城市大脑平台。', '市大数据局'), row('', '完成河道整治10公里。', '市水利局')] }),
        ],
      }],
    });
    const notice = await parseNotice(await Packer.toBuffer(doc), { path: 'numbered.docx' });
    expect(notice.lists.map((l) => l.tasks.map((t) => [t.seq, t.lead[0]]))).toEqual([
      [['1', '市工信局'], ['2', '市发改委'], ['3', '市民政局']],
      [['1', '市住建局'], ['2', '市公安局']],
      [['1', '市大数据局'], ['2', '市水利局']],
    ]);
  });
});

describe('wordNumbers on damaged numbering', () => {
  const docx = async (numbering: string, paragraphs: string[]) => {
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    zip.file('word/numbering.xml', `<w:numbering ${w}>${numbering}</w:numbering>`);
    zip.file('word/document.xml', `<w:document ${w}><w:body>${paragraphs.join('')}</w:body></w:document>`);
    return zip.generateAsync({ type: 'uint8array' });
  };
  const para = (ilvl: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>项</w:t></w:r></w:p>`;
  const list = (format: string, start: string, text = '%1、') =>
    `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;

  it('skips levels Word cannot have and numbers past 99 in digits', async () => {
    const { wordNumbers } = await import('../src/read/docx-numbering.js');
    expect(await wordNumbers(await docx(list('chineseCounting', '98'), [para('0'), para('x'), para('0'), para('1.5'), para('0')]))).toEqual(['九十八、', '九十九、', '100、']);
    expect(await wordNumbers(await docx(list('decimal', '-3', '%1.'), [para('0'), para('4294967295')]))).toEqual(['-3.']);
    expect(await wordNumbers(await docx('<w:abstractNum', [para('0')]))).toEqual([]);
    expect(await wordNumbers(Buffer.from('not a zip'))).toBeNull();
  });
});

describe('DOCX without numbering definitions', () => {
  it('reads as before when word/numbering.xml is missing', async () => {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(readFileSync(join(formats, '000_01622556c790d653.docx')));
    zip.remove('word/numbering.xml');
    const notice = await parseNotice(await zip.generateAsync({ type: 'nodebuffer' }), { path: 'plain.docx' });
    expect(notice.lists.flatMap((l) => l.tasks).length).toBeGreaterThan(10);
  });
});

describe('two-row headers', () => {
  it('a header cell merged down over both rows keeps its role: 类别 stays the category', async () => {
    const html = `<p>某市人民政府办公室关于印发2023年重点任务分工的通知</p><table>
<tr><td rowspan="2">类别</td><td rowspan="2">序号</td><td rowspan="2">重点任务</td><td colspan="2">责任单位</td><td rowspan="2">完成时限</td></tr>
<tr><td>牵头单位</td><td>配合单位</td></tr>
<tr><td rowspan="2">稳产保供</td><td>1</td><td>新建高标准农田5万亩。</td><td>市农业农村局</td><td>市财政局</td><td>10月底前</td></tr>
<tr><td>2</td><td>抓好生猪稳产保供。</td><td>市农业农村局</td><td>市商务局</td><td>长期坚持</td></tr>
</table>`;
    const notice = await parseNotice(Buffer.from(html), { path: 't.html' });
    expect(notice.lists[0].tasks.map((t) => [t.seq, t.sections, t.text, t.lead, t.implementing])).toEqual([
      ['1', ['稳产保供'], '新建高标准农田5万亩。', ['市农业农村局'], ['市财政局']],
      ['2', ['稳产保供'], '抓好生猪稳产保供。', ['市农业农村局'], ['市商务局']],
    ]);
  });
});

describe('format choice', () => {
  it('goes by the extension', () => {
    expect(['a.html', 'a.HTM', 'a.md', 'a.markdown', 'a.docx', 'a.txt', 'a.doc', 'a', null].map(formatFromPath)).toEqual(['html', 'html', 'markdown', 'markdown', 'docx', 'text', null, null, null]);
  });

  it('lets --from override the extension', async () => {
    const bytes = readFileSync(join(formats, '000_01622556c790d653.html'));
    const gold = golds.find((g) => g.file.startsWith('000_'))!;
    const asHtml = await parseNotice(bytes, { path: 'download.txt', format: 'html' });
    expect(asHtml.source.format).toBe('html');
    expect(compare(asHtml, gold)).toEqual([]);
    expect((await parseNotice(bytes, { path: 'download.txt' })).source.format).toBe('text');
  });

  it('sniffs text content for stdin and unknown extensions', () => {
    expect(sniffFormat('<!DOCTYPE html>\n<html><body><p>通知</p></body></html>')).toBe('html');
    expect(sniffFormat('<table border="1"><tr><td>1</td></tr></table>')).toBe('html');
    expect(sniffFormat('通知\n\n| 序号 | 任务 |\n| - | - |\n| 1 | 甲 |\n')).toBe('markdown');
    expect(sniffFormat('# 通知\n\n正文')).toBe('markdown');
    expect(sniffFormat('通知\n\n一、总体要求\n1.甲项|乙\n----\n')).toBe('text');
  });

  it.each([
    ['000_01622556c790d653.html', 'html'],
    ['000_01622556c790d653.md', 'markdown'],
    ['000_01622556c790d653.docx', 'docx'],
    ['extra/gb2312.html', 'html'],
  ])('reads %s from stdin as %s', async (file, format) => {
    const notice = await parseNotice(readFileSync(join(formats, file)), { path: null });
    expect(notice.source.format).toBe(format);
    expect(notice.lists.length).toBeGreaterThan(0);
  });
});
