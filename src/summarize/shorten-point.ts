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

// "Jakarta: Indonesian Industry Minister …": a place and a colon before a capitalised sentence.
const COLON_DATELINE = /^\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,2}:\s+(?=\p{Lu})/u;

export function stripDateline(sentence: string): string {
  const m = DATELINE.exec(sentence) ?? COLON_DATELINE.exec(sentence);
  return m && m[0].length <= 60 ? sentence.slice(m[0].length) : sentence;
}

function stripQuotes(s: string): string {
  const t = s.trim();
  if (/^["“]/.test(t) && /["”]\.?$/.test(t) && (t.match(/["“”]/g) ?? []).length === 2) {
    return t.replace(/^["“]\s*/, '').replace(/\s*["”](\.?)$/, '$1');
  }
  return t;
}

// "…, stated that his agency will send 40 students": a reported clause follows, so this is the
// sentence's verb, not an attribution to drop.
const REPORTED_CLAUSE = /\b(?:that|bahwa|pihaknya)\b/i;

// ", Industry Minister Rina Halim said on Monday." / ", according to him.": a named speaker (up to
// eight words, the last capitalised) or "according to" closing the sentence; the editors' bullets state the fact.
const NAMED_TAIL = /,\s*["”’]?\s*(?:(?:[\p{L}’'.-]+\s+){0,7}\p{Lu}[\p{L}’'.-]*\s+(?:said|says|added|explained|stated|noted)(?:\s+(?:on|in|at|during|to)\s+[^,."”]{1,60})?|according\s+to\s+[^,."”]{1,60})\.?$/u;

function tailOf(sentence: string): RegExpExecArray | null {
  return TRAILING_ATTRIBUTION.exec(sentence) ?? NAMED_TAIL.exec(sentence);
}

export function stripAttribution(sentence: string): string {
  const m = tailOf(sentence);
  if (!m || m.index < 40 || REPORTED_CLAUSE.test(m[0])) return sentence;
  const kept = sentence.slice(0, m.index).replace(/[\s,"”’]+$/, '').replace(/^["“]\s*/, '');
  return /[.!?]$/.test(kept) ? kept : `${kept}.`;
}

// '…," kata Budi dalam keterangannya di Jakarta, Rabu.' / '…," the president noted, as quoted from a
// press release.': a quote keeps its speaker, but where and how it was said is no part of the point.
const SPEAKER = String.raw`(?:(?:${ATTRIBUTION_VERBS}|ucap)(?:nya)?\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,4}|(?:the\s+)?(?:[\p{L}'’.-]+\s+){0,4}(?:said|says|noted|added|explained|stated|told\s+\p{L}+))`;
const SPEAKER_TAIL = new RegExp(
  String.raw`([,.!?]?["”’],?\s*${SPEAKER})(?:,?\s+(?:dalam|di|kepada|saat|ketika|seperti|sebagaimana|usai|seusai|pada|as|in|at|during|on|when|while|after)\b[^"“”]{0,160})\.?$`,
  'u',
);

export function stripSpeakerTail(sentence: string): string {
  const m = SPEAKER_TAIL.exec(sentence);
  return m ? `${sentence.slice(0, m.index)}${m[1]!.trimEnd()}.` : sentence;
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

/** How many quotation marks (" “ ”) the text holds: most sentences hold none or a pair. */
function quoteMarks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 0x201c || c === 0x201d) n++;
  }
  return n;
}

/** A quote split across sentences leaves one unmatched mark, at either end or before the attribution; drop it. */
export function dropLoneQuote(s: string): string {
  if (quoteMarks(s) % 2 === 0) return s;
  const marks = [...s.matchAll(/["“”]/g)];
  const ends = s.replace(/^["“]\s*/, '').replace(/\s*["”](?=[.,]?$)/, '');
  if (ends !== s) return ends;
  // An opening mark is followed by a word, a closing one follows a word or punctuation.
  const first = marks[0]!;
  const closesFirst = first[0] === '”' || (first[0] === '"' && /[\p{L}\d.,!?]/u.test(s[first.index - 1] ?? ' '));
  const lone = closesFirst ? first : marks[marks.length - 1]!;
  return s.slice(0, lone.index) + s.slice(lone.index + 1);
}

// First person in a quote: without a named speaker in the sentence, nobody on the card said it.
// Case matters: "US" is a country, "I" only in capitals.
const FIRST_PERSON = /(?<![\p{L}$])(?:[Kk]ami|[Kk]ita|[Ss]aya|[Aa]ku|[Ww]e|[Oo]ur|us|I)(?![\p{L}'’$])/u;
const NAMED_SPEAKER = /(?:kata|ujar|ucap|ungkap|jelas|tambah|tutur|imbuh|said|says|told|added)\s+(?:\p{Lu}[\p{L}.]*\s+){0,4}\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+,?\s+(?:said|says|told|added|stated|noted)\b/u;

/** True when the sentence speaks in the first person and names nobody who said it. */
export function isUnattributedQuote(sentence: string): boolean {
  return FIRST_PERSON.test(sentence) && !NAMED_SPEAKER.test(sentence);
}

// A connective opening ("Setelah itu,", "Moreover,") points at text the card does not show; the clause stands without it.
const CONNECTIVE_OPENING = /^(?:moreover|furthermore|additionally|however|meanwhile|besides|in addition|after that|also|selain itu|setelah itu|sementara itu|oleh karena itu|oleh sebab itu|untuk itu|meski(?:pun)?\s+demikian|dengan demikian|namun|tapi|tetapi|adapun|sedangkan|for that reason|therefore)\s*,\s*(?=\p{L})/iu;

// One-word connectives often stand without a comma: "Tapi Mitsubishi berencana …", "Meski demikian Masuko …".
// Only the first letter may be a capital (no other capital letter lower-cases to one of these first letters).
const BARE_CONNECTIVE = /^(?:[Tt]api|[Tt]etapi|[Nn]amun|[Bb]ahkan|[Mm]eski(?:pun)?\s+demikian|[Aa]dapun|[Bb]ut|[Yy]et)\s+(?=\p{Lu})/u;

export function stripConnective(sentence: string): string {
  const bare = BARE_CONNECTIVE.exec(sentence);
  if (bare) return sentence.slice(bare[0].length);
  return sentence.replace(CONNECTIVE_OPENING, '');
}

// A scene-setting opener before the subject ("Addressing a press conference after the talks, …",
// "Dalam kesempatan yang sama, …", "Sementara perihal ekspor, …") only frames the fact; the editors'
// bullets open with the subject. Openers with a figure or date, a place ("in Tokyo", "di Jakarta"),
// a time ("Last year,") or attribution ("Menurut …") carry a fact and stay.
const SCENE_OPENER = /^(?:during|on|after|before|following|addressing|since|with|based|for|as|meanwhile|amid|dalam|pada|saat|ketika|sementara|setelah|usai|seusai|sejak|dengan|berdasarkan|dikutip|terbaru)(?![\p{L}])[^,\d"“”]{0,90},\s+/iu;
const MAX_OPENER_WORDS = 13;
// The rest must stand alone: not a pronoun needing the opener ("With the new plant, it will …"),
// not the opener's own date ("Dalam acara hari ini, Rabu (17/1) di …, …").
const NEEDS_OPENER = /^(?:it|this|these|they|he|she|ia|dia|mereka|hal|(?:senin|selasa|rabu|kamis|jumat|sabtu|minggu|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\p{L}]))/iu;

export function stripSceneOpener(sentence: string): string {
  const m = SCENE_OPENER.exec(sentence);
  if (!m || m[0].split(/\s+/).length > MAX_OPENER_WORDS) return sentence;
  const rest = sentence.slice(m[0].length);
  return NEEDS_OPENER.test(rest) || wordCount(rest) < 6 ? sentence : rest;
}

/** JavaScript's `\s`: white space and line ends, ASCII and Unicode. */
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));

/** Words between white space (`s.split(/\s+/).filter(Boolean).length`, without the arrays: it runs for every sentence several times). */
export function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

// Typing slips that a card should not repeat: a word typed twice ("untuk menghadiri menghadiri KTT")
// and a stray full stop after a day/month marker ("Jumat (19/05). menuju Hiroshima"). Indonesian
// doubles words with a hyphen ("sama-sama"), so a spaced double is a slip.
const DOUBLED_WORD = /(?<![\p{L}-])(\p{Ll}{4,})\s+\1(?![\p{L}-])/gu;
const STRAY_STOP_AFTER_DATE = /(\(\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\))\.(?=\s+\p{Ll})/gu;

export function repairSlips(sentence: string): string {
  return sentence.replace(DOUBLED_WORD, '$1').replace(STRAY_STOP_AFTER_DATE, '$1');
}

function tidy(sentence: string): string {
  const plain = stripSceneOpener(stripConnective(stripDateline(repairSlips(sentence.trim()))));
  // A first-person quote keeps its speaker: without it the card would quote nobody.
  const s = dropLoneQuote(stripQuotes(stripSpeakerTail(FIRST_PERSON.test(plain) ? plain : stripAttribution(plain))));
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * `tidy`, remembered for the last few hundred sentences: summarising one
 * article tidies a sentence to test it, to score it and to show it (a long one
 * up to five times), and `tidy` is a chain of patterns.
 */
const tidied = new Map<string, string>();
const TIDIED_LIMIT = 512;

function tidyOnce(sentence: string): string {
  let t = tidied.get(sentence);
  if (t === undefined) {
    t = tidy(sentence);
    if (tidied.size >= TIDIED_LIMIT) tidied.clear();
    tidied.set(sentence, t);
  }
  return t;
}

/** True when the sentence fits a card once attribution and quotes are dropped. */
export function fitsOnCard(sentence: string): boolean {
  // Tidying only removes words, so a short sentence fits without running the attribution pattern.
  if (sentence.trim().length < MAX) return true; // < not <=: upper-casing may add a letter (ß)
  return tidyOnce(sentence).length <= MAX;
}

export function shortenPoint(sentence: string): string {
  return cutToLength(tidyOnce(sentence));
}
