import { CellValue } from '../grid';

/** Text of a cell value, or '' when empty. Numbers keep their plain digits. */
export function rawText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  return String(v);
}

/**
 * Normalises a label for matching: drops all whitespace (line breaks and full-width spaces occur inside
 * headers), quotes, and unifies full-/half-width punctuation.
 */
export function norm(s: string): string {
  // Most cells are plain numbers or codes: nothing to normalise.
  if (!/[^\x21-\x7e]/.test(s)) return s;
  // Each character is dropped or mapped on its own, so plain-string replacements do it without a callback per match.
  let t = s.replace(/[\s\u3000\u00a0“”"'‘’「」]/g, '');
  if (/[（）：０-９]/.test(t)) {
    t = t.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':');
    t = t.replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  }
  return t;
}

/** Drops list numbering such as `一、`, `（一）`, `1.` from the start of a label. */
export function stripNumbering(s: string): string {
  return s.replace(/^([一二三四五六七八九十]+[、.．]|\(?[一二三四五六七八九十]+\)|\d+[、.．])/, '');
}


export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
