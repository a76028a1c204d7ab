import type { Meta } from '../model/schema.js';
import { fold, foldWidth, isSpaceCode } from './text.js';
import { numeral } from './numerals.js';

type Line = { text: string; line: number };

const NOTICE_TITLE = /^[^:\[\]【】]{0,80}关于.{2,120}的(通知|意见|决定|函|通报|批复|报告|答复)$/;
const LABEL = /(?<=^|[\s::])((?:[\u4e00-\u9fa5]\s*){1,5}[\u4e00-\u9fa5])\s*[::]/g;
const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,14}\s*[〔[【(（]\s*((?:19|20)\d{2})\s*[〕\]】)）]\s*第?\s*\d{1,4}\s*号$/;
const ORG_ENDS = '办公室|办公厅|人民政府|政府|委员会|领导小组|小组|局|委|办|厅|中心|部';
const ORG = new RegExp(`(${ORG_ENDS})$`);
// Who signs under a date: a government body, or a company, an association, a party body.
const SIGNER = new RegExp(`(?:${ORG_ENDS}|公司|集团|协会|党委|党组)$`);

/** The first lines of a page with the field labels on each, read once for every field asked for. */
type Fields = { text: string; labels: RegExpExecArray[] }[];

function fieldLines(lines: Line[]): Fields {
  // Matched on the width-folded line (same length), so 文号：X works as 文号:X does. A
  // line without a colon holds no label, and the label search is slow on long lines.
  return lines.slice(0, 40).map((l) => {
    const text = l.text.replace(BRACKET_FIELD, (_, name: string) => `${name}：`);
    return { text, labels: hasColon(text) ? [...foldWidth(text).matchAll(LABEL)] : [] };
  });
}

// "【文号】X", "[发布机构] Y": a page's field label in brackets instead of before a colon.
const BRACKET_FIELD = /[【[]\s*((?:[\u4e00-\u9fa5]\s*){1,5}[\u4e00-\u9fa5])\s*[】\]]/g;

function hasColon(text: string): boolean {
  return text.includes(':') || text.includes('：');
}

/** Value of a metadata field on a scraped page ("名  称: X 内容分类: Y" -> X). */
function field(fields: Fields, name: RegExp): string | null {
  for (const { text, labels } of fields) {
    for (let k = 0; k < labels.length; k++) {
      if (!name.test(labels[k][1].replace(/\s/g, ''))) continue;
      const from = labels[k].index + labels[k][0].length;
      const to = k + 1 < labels.length ? labels[k + 1].index : text.length;
      const v = text.slice(from, to).trim();
      if (v) return v;
    }
  }
  return null;
}

/** A date standing alone on a line: 2018年8月13日, 二〇一八年八月十三日, or scraped 2018615. */
/** The issuing body and date printed on one line: "淮安市人民政府办公室　　　2021年8月18日", one space apart too. */
function orgAndDate(text: string): { org: string; date: string } | null {
  // Offered every line: a date line ends in 日 or a digit (or 上, of "…日在…会议上").
  if (!mayCloseDate(text)) return null;
  const m = /^(.{2,40}?)[\s\u3000]+(\S+)$/.exec(text.trim());
  const date = m && ORG.test(m[1]) ? dateLine(m[2]) : null;
  return m && date ? { org: m[1], date } : null;
}

export function dateLine(text: string): string | null {
  // Every line of a notice is offered; each reading below starts with a digit or a dash.
  if (!mayOpenDate(text)) return null;
  // A speech or report is dated under its heading: "——2024年1月10日在…会议上".
  const t = foldWidth(text).replace(/[\s]/g, '').replace(/^[—-]{1,2}(?=\d|[〇零一二三四五六七八九○])/, '').replace(/(?<=日)在.{2,60}(会议|大会)上$/, '');
  let m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^([〇零一二三四五六七八九○]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/.exec(t);
  if (m) return iso(numeral(m[1]), numeral(m[2]), numeral(m[3]));
  m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(t);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^((?:19|20)\d{2})(\d{2,4})$/.exec(t);
  if (m) return garbled(+m[1], m[2]);
  return null;
}

const DATE_START = new Set([...'0123456789０１２３４５６７８９〇零一二三四五六七八九○—-－'].map((ch) => ch.charCodeAt(0)));

/** Whether the first character that is not a space can open a date line. */
function mayOpenDate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c)) return DATE_START.has(c);
  }
  return false;
}

const DATE_END = new Set([...'0123456789０１２３４５６７８９日上'].map((ch) => ch.charCodeAt(0)));

/** Whether the last character that is not a space can close a date line. */
function mayCloseDate(text: string): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c)) return DATE_END.has(c);
  }
  return false;
}

// Digits left when 年/月/日 were lost: accept only the one reading that is a real date.
function garbled(year: number, md: string): string | null {
  const readings: string[] = [];
  for (let cut = 1; cut < md.length; cut++) {
    const d = iso(year, +md.slice(0, cut), +md.slice(cut));
    if (d && md[cut] !== '0') readings.push(d);
  }
  return readings.length === 1 ? readings[0] : null;
}

function iso(y: number, m: number, d: number): string | null {
  if (!(y > 1900 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return dt.toISOString().slice(0, 10);
}

function fieldDate(v: string | null): string | null {
  const m = v && /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(v);
  return m ? iso(+m[1], +m[2], +m[3]) : null;
}

const DOC_BODY = DOC_NUMBER.source.slice(1, -1);
// What a red-header document prints on the 文号's line: the date, or who signed it off.
// The page may run it into the 文号 without a space.
const BESIDE_NUMBER = '(?:(?:19|20)\\d{2}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|签发人\\s*[:：]\\s*[\\u4e00-\\u9fa5·]{2,6})';
const NUMBER_FIRST = new RegExp(`^(?<no>${DOC_BODY})\\s*${BESIDE_NUMBER}$`);
const NUMBER_LAST = new RegExp(`^${BESIDE_NUMBER}\\s*(?<no>${DOC_BODY})$`);

/** The 文号 standing on a line of its own, or beside the date or the 签发人 it is printed with. */
function numberLine(text: string): string | null {
  const f = fold(text).trim();
  if (f.length > 80) return null;
  if (DOC_NUMBER.test(f)) return text.trim();
  const first = NUMBER_FIRST.exec(f)?.groups;
  if (first) return text.trim().slice(0, first.no.length);
  const last = NUMBER_LAST.exec(f)?.groups;
  if (last) return text.trim().slice(f.length - last.no.length);
  return null;
}

function firstOf<T>(lines: Line[], read: (text: string) => T | null): T | null {
  for (const l of lines) {
    const found = read(l.text);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The notice's title, 文号, issuer, signing date and work year. The printed document wins
 * over the hosting page's metadata fields: the page's 发布日期 is when it was posted, the
 * date under the signature is when it was issued.
 */
export function extractMeta(lines: Line[], outside: (line: number) => boolean): Meta {
  if (listsDocuments(lines)) return { title: null, docNumber: null, issuer: null, issuedOn: null, year: null };
  const head = lines.slice(0, 60);
  const fields = fieldLines(lines);
  const posted = byline(head);
  const title = bylineFirst(head, posted?.headline) ?? noticeTitle(head) ?? field(fields, /^(名称|标题)$/) ?? repeatedHeading(head.filter((l) => outside(l.line))) ?? posted?.headline ?? firstHeading(head);
  const standalone = firstOf(head, numberLine);
  const fieldNo = field(fields, /^(文号|发文字号|发文文号|字号)$/);
  const docNumber = standalone ?? (fieldNo && DOC_NUMBER.test(fold(fieldNo)) ? fieldNo : null) ?? numberInTitle(title);
  // dateLine first: it turns down almost every line cheaply, while `outside` may look
  // through every task list, which on a file of thousands of notices made this quadratic.
  const dates = lines.map((l, i) => ({ i, date: dateLine(l.text) ?? orgAndDate(l.text)?.date ?? null })).filter((d) => d.date && outside(lines[d.i].line));
  // The signature's date stands under (or beside) the issuer; a date in a schedule or a
  // table of figures stands under whatever the row is about.
  const signed = dates.find((d) => orgAndDate(lines[d.i].text) || (d.i > 0 && SIGNER.test(lines[d.i - 1].text.trim()))) ?? dates[0];
  const issuedOn = signed?.date ?? fieldDate(field(fields, /^(成文日期|发文日期|发布日期|生成日期|发布时间)$/)) ?? posted?.date ?? null;
  const issuer = signatureOrg(lines, signed?.i) ?? titleOrg(title) ?? field(fields, /^(发文机关|发布机构)$/);
  return { title, docNumber, issuer, issuedOn, year: workYear(title, issuedOn) };
}

const LISTED = /^\S.{5,150}?[\s\u3000]{2,}[([]?(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}[)\]]?$/;

/**
 * A site's list page (the titles of many documents, each with its date) is no document:
 * its titles and dates are other documents', so it has no title, issuer or date of its own.
 */
function listsDocuments(lines: Line[]): boolean {
  // A notice of its own (关于…的通知) is no list page, whatever it tabulates with dates.
  if (lines.slice(0, 60).some((l) => NOTICE_TITLE.test(fold(l.text.trim())))) return false;
  // A listed title is short: a long line is prose, and is not searched for the pattern.
  const listed = lines.filter((l) => l.text.length <= 200 && LISTED.test(l.text.trim())).length;
  return listed >= 8 && listed * 4 >= lines.length;
}

function signatureOrg(lines: Line[], dateIndex: number | undefined): string | null {
  if (dateIndex === undefined) return null;
  const same = orgAndDate(lines[dateIndex].text);
  if (same) return same.org;
  if (dateIndex === 0) return null;
  const prev = lines[dateIndex - 1].text.trim();
  return prev.length <= 40 && ORG.test(prev) && !/[,。:]/.test(foldWidth(prev)) ? prev : null;
}

function titleOrg(title: string | null): string | null {
  const m = title && /^(.{2,40}?)\s*关于/.exec(title);
  return m ? m[1].trim() : null;
}

/** "…关于印发…的通知" on one line, or wrapped over two as a long title often is. */
function noticeTitle(head: Line[]): string | null {
  for (let i = 0; i < head.length; i++) {
    // A Markdown or wiki heading marker is not part of the title.
    const t = head[i].text.trim().replace(/^#{1,6}\s+/, '');
    if (!/关于/.test(fold(t))) continue;
    const next = head[i + 1]?.text.trim() ?? '';
    // A printed title breaks over lines: after 关于…, and between the issuer and 关于.
    const prev = head[i - 1]?.text.trim() ?? '';
    const issuer = /^关于/.test(t) && prev.length <= 30 && ORG.test(prev) ? prev : '';
    const joined = next.length < 60 ? [t + next] : [];
    const candidates = issuer ? [issuer + t, t, ...joined.map((j) => issuer + j), ...joined] : [t, ...joined];
    for (const whole of candidates) if (NOTICE_TITLE.test(fold(whole))) return whole;
  }
  return null;
}

// A news page prints its headline twice: in the page title and above the article. Lines
// of a task list repeat too (a leader's name, a unit) and are not offered.
function repeatedHeading(lines: Line[]): string | null {
  const seen = new Set<string>();
  for (const l of lines.slice(0, 30)) {
    const t = l.text.trim();
    // The site's name (宁德市统计局) heads the page and signs the text, and its breadcrumb
    // (首页 > …) runs above and below it: neither is a headline.
    if (t.length < 6 || t.length > 60 || /[。,,:]/.test(foldWidth(t)) || BREADCRUMB.test(t) || ORG.test(t)) continue;
    if (seen.has(t)) return t;
    seen.add(t);
  }
  return null;
}

// "2021年县政府重点工作任务(华政发〔2021〕2号)": the 文号 printed in brackets after the title.
function numberInTitle(title: string | null): string | null {
  const m = title && /[(（]([^()（）]{1,14}〔\s*(?:19|20)\d{2}\s*〕\s*第?\d{1,4}\s*号)[)）]\s*$/.exec(title);
  return m ? m[1] : null;
}

// A byline: labelled fields (发布时间: … 来源: …), or a 公众号's account and post time
// ("原创 台州发布 2023-04-21 18:06 发表于浙江").
const BYLINE = /^(?:(?:发布时间|发布日期|时间|来源|作者|日期)\s*[:：]|(?:原创\s+)?[^\s:：[\]【】]{2,20}\s+((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?:\s+\d{1,2}:\d{2})?(?:\s|$))/;

/** A news page's headline stands right above its byline; null when there is none. */
function byline(lines: Line[]): { headline: string; date: string | null } | null {
  for (let i = 1; i < Math.min(lines.length, 30); i++) {
    const t = lines[i - 1].text.trim();
    const m = BYLINE.exec(lines[i].text.trim());
    if (m && t.length >= 6 && t.length <= 60 && !/[。:：>]/.test(t)) return { headline: t, date: m[1] ? iso(+m[1], +m[2], +m[3]) : null };
  }
  return null;
}

/**
 * A news page's headline, when it stands above its byline before any notice title: the
 * notice named further down is one the news is about (相关文件), not the page itself.
 */
function bylineFirst(head: Line[], headline: string | undefined): string | null {
  if (!headline || headline.length < 12 || /[\\/|]/.test(headline) || NOTICE_TITLE.test(fold(headline))) return null;
  const at = head.findIndex((l) => l.text.trim() === headline);
  // The value of a field printed on its own line (主题分类: / 卫生、体育) is no headline.
  if (at > 0 && /[:：]\s*$/.test(head[at - 1].text)) return null;
  const notice = head.findIndex((l) => NOTICE_TITLE.test(fold(l.text.trim())));
  // A headline that is a document's name (…重点任务分工) heads the document; one that reports
  // on it (我市印发…分工 明确十项任务) is news.
  return notice > at && !/(通知|意见|决定|方案|要点|清单|分工)$/.test(headline) ? headline : null;
}

const BREADCRUMB = /[>›»]/;
// A page's field line (信息分类：计划总结) ends like a heading too.
const FIELD = /[:：]/;

function firstHeading(lines: Line[]): string | null {
  const headings = lines.map((x) => x.text.trim()).filter((t) => {
    const bare = t.replace(/[(（][^()（）]*号[)）]$/, '');
    return bare.length >= 6 && bare.length <= 80 && !BREADCRUMB.test(bare) && !FIELD.test(bare) && /(总结|报告|纪要|解读|问答|通知|要点|方案|意见|办法|规定|条例|计划|任务|分工|分解|清单|责任表)$/.test(bare);
  });
  const first = headings[0];
  // A masthead (常务会议纪要) names the kind of document; the title below it names this one.
  return first === undefined ? null : headings.find((t) => t.length > first.length && t.endsWith(first)) ?? first;
}

function workYear(title: string | null, issuedOn: string | null): number | null {
  // "2018—2019年供暖期": a span of years works to the first.
  const m = title && /((?:19|20)\d{2})\s*(?:年|[—–\-~至]\s*(?:19|20)\d{2}\s*年)/.exec(foldWidth(title));
  if (m) return +m[1];
  return issuedOn ? +issuedOn.slice(0, 4) : null;
}
