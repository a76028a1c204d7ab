const DIGIT: Record<string, number> = {
  '零': 0, '〇': 0, '○': 0, 'Ｏ': 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese or Arabic numeral to a number: "十二" -> 12, "二〇一八" -> 2018, "12" -> 12; NaN if not a numeral. */
export function numeral(s: string): number {
  const t = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(t)) return Number(t);
  if (t === '' || ![...t].every((c) => c in DIGIT || c in UNIT)) return NaN;
  // Digit-by-digit years such as 二〇一八 carry no unit characters.
  if (![...t].some((c) => c in UNIT)) return Number([...t].map((c) => DIGIT[c]).join(''));
  let total = 0;
  let cur = 0;
  for (const c of t) {
    if (c in DIGIT) cur = DIGIT[c];
    else {
      total += (cur || 1) * UNIT[c];
      cur = 0;
    }
  }
  return total + cur;
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五: how a heading counts, up to 99. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
}
