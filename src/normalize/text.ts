/**
 * Character-level folding used before matching. Every function here keeps the string's
 * length and character positions, so an index found in the folded copy slices the
 * original text as printed.
 */

/** Full-width ASCII (！-～) to ASCII, ideographic space to space. */
export function foldWidth(s: string): string {
  return mapUnits(s, WIDTH);
}

// Traditional forms of the characters that carry meaning for fengong: role words, unit
// suffixes, deadline words. One character each way, so positions survive.
const T2S: Record<string, string> = Object.fromEntries(
  (
    '牽牵頭头單单負负責责實实協协辦办會会機机關关門门縣县區区鄉乡鎮镇廳厅員员衛卫計计劃划發发財财務务' +
    '資资國国環环設设業业農农運运輸输體体醫医療疗藥药監监場场統统審审稅税網网訊讯傳传聞闻應应檢检' +
    '軍军漁渔園园質质規规經经濟济組组織织黨党紀纪屬属處处級级層层總总時时間间內内後后個个長长續续' +
    '進进態态開开週周於于並并與与為为專专項项類类據据報报條条點点導导領领號号聯联絡络參参與与將将' +
    '舉举辭辞產产權权歸归禮礼樂乐勞劳動动護护災灾險险廣广電电視视圖图書书館馆試试驗验獎奖懲惩' +
    '衞卫華华務务營营貿贸質质稅税價价糧粮綜综執执畫画決决議议認认證证記记錄录齊齐實实貫贯徹彻' +
    '門门戶户籍籍僑侨臺台灣湾兒儿婦妇殘残聯联紅红轄辖鐵铁軌轨橋桥碼码遞递郵邮圍围範范廠厂礦矿'
  )
    .match(/../gu)!
    .map((pair) => [pair[0], pair[1]]),
);

/** Traditional to Simplified for the characters listed above; other characters unchanged. */
export function toSimplified(s: string): string {
  return mapUnits(s, SIMPLIFIED);
}

// Folding runs on every line, cell and clause, several times per notice, and rebuilding
// strings a character at a time was most of the parse time. Each table maps a UTF-16 unit
// to its replacement (0: unchanged); every T2S key is a single unit.
const WIDTH = new Uint16Array(0x10000);
for (let c = 0xff01; c <= 0xff5e; c++) WIDTH[c] = c - 0xfee0;
WIDTH[0x3000] = WIDTH[0xa0] = 0x20;
const SIMPLIFIED = new Uint16Array(0x10000);
for (const [t, simple] of Object.entries(T2S)) SIMPLIFIED[t.charCodeAt(0)] = simple.charCodeAt(0);
const BOTH = WIDTH.map((w, c) => w || SIMPLIFIED[c]);

/** The string with each unit replaced through the table; the same string when nothing changes. */
function mapUnits(s: string, table: Uint16Array): string {
  // Most lines change in a few places (full-width ，：（）), so copying the unchanged runs
  // between them as slices beats rebuilding the string a unit at a time.
  let out = '';
  let last = 0;
  for (let k = 0; k < s.length; k++) {
    const r = table[s.charCodeAt(k)];
    if (r === 0) continue;
    if (k > last) out += s.slice(last, k);
    out += String.fromCharCode(r);
    last = k + 1;
  }
  if (last === 0) return s;
  return last < s.length ? out + s.slice(last) : out;
}

/** The folded copy that rules match against: width folded, Traditional simplified. */
export function fold(s: string): string {
  return mapUnits(s, BOTH);
}

/**
 * Whether a UTF-16 unit is white space as a RegExp \s reads it (\u00a0 and \u3000
 * included). A test on the code, not a one-character regex, for the loops that read every
 * character of a line.
 */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Trim ASCII, ideographic and no-break spaces. */
export function clean(s: string): string {
  // Every line of every input is trimmed: a scan from both ends, not a regex.
  let a = 0;
  while (a < s.length && isSpaceCode(s.charCodeAt(a))) a++;
  if (a === s.length) return '';
  let b = s.length;
  while (isSpaceCode(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** True when a line holds nothing but spaces of any kind (a scraped empty table cell). */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return true;
}

/** Splits the printed text where its folded copy matches, so full-width separators split too. */
export function splitFolded(s: string, re: RegExp): string[] {
  const f = fold(s);
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const out: string[] = [];
  let last = 0;
  for (const m of f.matchAll(g)) {
    if (m[0].length === 0) continue;
    out.push(s.slice(last, m.index));
    last = m.index + m[0].length;
  }
  out.push(s.slice(last));
  return out;
}

/** Columns a text takes when printed: a CJK or full-width character two, others one. */
export function displayWidth(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) > 0xff ? 2 : 1;
  return n;
}
