// Reads numbers as Indonesian and English write them: "1.000" is a thousand in
// Indonesian and "1,000" in English; "Rp2,5 triliun" is 2.5e12. The article's
// language decides only when the written form is ambiguous.
import type { Language } from '../model/article.js';

const SCALE: Record<string, number> = {
  ribu: 1e3, rb: 1e3, thousand: 1e3, k: 1e3,
  juta: 1e6, jt: 1e6, million: 1e6, mn: 1e6, m: 1e6,
  miliar: 1e9, milyar: 1e9, billion: 1e9, bn: 1e9,
  triliun: 1e12, trillion: 1e12, t: 1e12,
};

/** The value of a written number such as "1.000", "1,000", "2,5", "3.75", or null. */
export function readNumber(written: string, language: Language): number | null {
  const s = written.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const idThousands = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s);
  const enThousands = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s);
  const idDecimal = /^\d+,\d+$/.test(s);
  const enDecimal = /^\d+\.\d+$/.test(s);
  const asId = () => Number(s.replace(/\./g, '').replace(',', '.'));
  const asEn = () => Number(s.replace(/,/g, ''));
  // "1.000" / "1,000" fit both a thousands and a decimal reading: the language decides.
  if (idThousands && enDecimal) return language === 'id' ? asId() : asEn();
  if (enThousands && idDecimal) return language === 'en' ? asEn() : asId();
  if (idThousands || idDecimal) return asId();
  if (enThousands || enDecimal) return asEn();
  return null;
}

/** Multiplier word after a number ("juta", "billion"), or 1. */
export function scaleOf(word: string | undefined): number {
  return word ? (SCALE[word.toLowerCase()] ?? 1) : 1;
}

/** A canonical key for a figure, equal across languages: "99", "1000", "2500000000000". */
export function numberKey(written: string, language: Language, scaleWord?: string): string | null {
  const n = readNumber(written, language);
  if (n === null || !Number.isFinite(n)) return null;
  return String(Math.round(n * scaleOf(scaleWord) * 1000) / 1000);
}
