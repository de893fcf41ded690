// Makes a chosen sentence fit a card without changing what it says: drops a
// dateline ("Jakarta (Antara) –"), a trailing attribution ("kata Agus di Jakarta,
// Rabu (12/11)", "he said"), wrapping quotes, and, if still too long, cuts at a
// clause boundary with an ellipsis. Words are only removed, never rewritten.

const MAX = 300;

const DATELINE = /^(?:[\p{Lu}][\p{L}\d.]*(?:\s[\p{Lu}][\p{L}\d.]*){0,3})(?:,\s*[\p{Lu}][\p{L}]+)?\s*(?:\([^)]{2,30}\))?\s*(?:--|-|–|—)\s+/u;
const ATTRIBUTION_VERBS = 'kata|ujar|ungkap|jelas|tambah|pungkas|tutur|terang|sebut|imbuh|said|says|added|explained|stated|noted';
const TRAILING_ATTRIBUTION = new RegExp(
  String.raw`(?:,\s*["”’]?|["”’]\s*,?)\s*(?:\b(?:${ATTRIBUTION_VERBS})(?:nya)?|\b(?:he|she|they)\s+(?:said|says|added|explained|stated|noted))\b(?:\s+(?:[^."”]|(?<=\p{Lu})\.){0,120})?\.?$`,
  'iu',
);

export function stripDateline(sentence: string): string {
  const m = DATELINE.exec(sentence);
  return m && m[0].length <= 60 ? sentence.slice(m[0].length) : sentence;
}

function stripQuotes(s: string): string {
  const t = s.trim();
  if (/^["“]/.test(t) && /["”]\.?$/.test(t) && (t.match(/["“”]/g) ?? []).length === 2) {
    return t.replace(/^["“]\s*/, '').replace(/\s*["”](\.?)$/, '$1');
  }
  return t;
}

export function stripAttribution(sentence: string): string {
  const m = TRAILING_ATTRIBUTION.exec(sentence);
  if (!m || m.index < 40) return sentence;
  const kept = sentence.slice(0, m.index).replace(/[\s,"”’]+$/, '').replace(/^["“]\s*/, '');
  return /[.!?]$/.test(kept) ? kept : `${kept}.`;
}

// Where a clause may end: before a relative, purpose or reason clause, not inside a noun phrase.
const CLAUSE_START = /\s(?=(?:yang|untuk|agar|supaya|sehingga|karena|guna|dalam rangka|dalam (?:me|ber)\p{Ll}+|which|who|because|so that|in order to|while|whereas)\s)/giu;

/** The last clause boundary in `window` past `min`, or -1. */
function lastBoundary(window: string, min: number): number {
  const punct = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '));
  if (punct > MAX * 0.5) return punct;
  let at = -1;
  for (const m of window.matchAll(CLAUSE_START)) if (m.index > min) at = m.index;
  return at !== -1 ? at : punct > min ? punct : -1;
}

function cutToLength(s: string): string {
  if (s.length <= MAX) return s;
  const window = s.slice(0, MAX - 1);
  const at = lastBoundary(window, 60);
  const cut = at !== -1 ? window.slice(0, at) : window.replace(/\s+\S*$/, '');
  return `${dropLoneQuote(cut.replace(/[\s,;:(]+$/, ''))}…`;
}

/** A quote split across sentences leaves one unmatched mark; drop it. */
function dropLoneQuote(s: string): string {
  if ((s.match(/["“”]/g) ?? []).length % 2 === 0) return s;
  return s.replace(/^["“]\s*/, '').replace(/\s*["”](?=[.,]?$)/, '');
}

function tidy(sentence: string): string {
  const s = dropLoneQuote(stripQuotes(stripAttribution(stripDateline(sentence.trim()))));
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** True when the sentence fits a card once attribution and quotes are dropped. */
export function fitsOnCard(sentence: string): boolean {
  // Tidying only removes words, so a short sentence fits without running the attribution pattern.
  if (sentence.trim().length < MAX) return true; // < not <=: upper-casing may add a letter (ß)
  return tidy(sentence).length <= MAX;
}

export function shortenPoint(sentence: string): string {
  return cutToLength(tidy(sentence));
}
