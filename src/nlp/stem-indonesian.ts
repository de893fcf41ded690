// A conservative Indonesian confix stripper in the spirit of Nazief-Adriani / ECS,
// without their full dictionary. Noun confixes (ke-an, pe-an, per-an) take -an and
// verb confixes (me-kan, di-kan) take -kan, which keeps "kebijakan" -> "bijak" and
// "menekankan" -> "tekan". A stripped stem must still look like a root (length and
// a plausible first syllable), so "kendaraan" stays "kendara" rather than "ndara".
// Where meN-/peN- recoding is ambiguous (mengembangkan: kembang or embang?) a small
// list of common roots decides; otherwise the vowel-initial reading is kept.
import { KNOWN_ROOTS } from './indonesian-roots.js';

const VOWEL = /^[aeiou]/;
const ONSET = /^(?:[aeiou]|[bcdfghjklmnpqrstvwxyz][aeiou]|kh|ng|ny|sy|tr|pr|kr|gr|br|dr|bl|pl|kl|fl|gl|sl|st|sp|sk|sw|sm)/;

function looksLikeRoot(s: string): boolean {
  return s.length >= 4 && ONSET.test(s);
}

/** Picks the first candidate that is a known root, else the first plausible one. */
function choose(candidates: string[]): string | null {
  const plausible = candidates.filter((c) => c.length >= 3 && ONSET.test(c));
  return plausible.find((c) => KNOWN_ROOTS.has(c)) ?? plausible.find(looksLikeRoot) ?? null;
}

/** meN-/peN- with its sound changes; `p` is "me" or "pe". */
function stripNasalPrefix(word: string, p: 'me' | 'pe'): string | null {
  const rest = word.slice(2);
  if (rest.startsWith('ng')) {
    const r = rest.slice(2);
    return VOWEL.test(r) ? choose(KNOWN_ROOTS.has('k' + r) ? ['k' + r, r] : [r, 'k' + r]) : choose([r]);
  }
  if (rest.startsWith('ny')) return choose(['s' + rest.slice(2)]);
  if (rest.startsWith('m')) {
    const r = rest.slice(1);
    if (/^[bfv]/.test(r)) return choose([r]);
    if (VOWEL.test(r)) return choose(KNOWN_ROOTS.has(rest) ? [rest] : ['p' + r, rest]);
    return null;
  }
  if (rest.startsWith('n')) {
    const r = rest.slice(1);
    if (/^[cdjz]/.test(r)) return choose([r]);
    if (VOWEL.test(r)) return choose(KNOWN_ROOTS.has(rest) ? [rest] : ['t' + r, rest]);
    return null;
  }
  if (/^[lrwy]/.test(rest)) return choose([rest]);
  return p === 'pe' && /^[a-z]/.test(rest) && !VOWEL.test(rest) ? choose([rest]) : null;
}

function stripPrefix(word: string, suffix: string): { stem: string; prefix: string } | null {
  const simple: [string, (r: string) => string | null][] = [
    ['memper', (r) => choose([r])],
    ['diper', (r) => choose([r])],
    ['ber', (r) => choose([r])],
    ['be', (r) => (r.startsWith('ker') ? choose([r]) : null)],
    ['ter', (r) => choose([r])],
    ['per', (r) => (suffix === 'an' ? choose([r]) : null)],
    ['di', (r) => choose([r])],
    ['ke', (r) => (suffix === 'an' ? choose([r]) : null)],
  ];
  for (const [prefix, strip] of simple) {
    if (!word.startsWith(prefix)) continue;
    const stem = strip(word.slice(prefix.length));
    if (stem) return { stem, prefix };
  }
  for (const p of ['me', 'pe'] as const) {
    if (!word.startsWith(p)) continue;
    const stem = stripNasalPrefix(word, p);
    if (stem) return { stem, prefix: p };
  }
  return null;
}

const NOUN_PREFIX = /^(ke|pe|per)/;
const VERB_PREFIX = /^(me|di|ter|memper|diper)/;

/** Removes one derivational suffix, choosing -kan or -an by the prefix the word carries. */
function stripSuffix(word: string): { base: string; suffix: string } {
  const tryCut = (suffix: string) => {
    const base = word.slice(0, -suffix.length);
    return word.endsWith(suffix) && base.length >= 4 ? { base, suffix } : null;
  };
  if (VERB_PREFIX.test(word)) return tryCut('kan') ?? tryCut('i') ?? tryCut('an') ?? { base: word, suffix: '' };
  if (NOUN_PREFIX.test(word)) return tryCut('an') ?? { base: word, suffix: '' };
  return tryCut('an') ?? { base: word, suffix: '' };
}

export function stemIndonesian(input: string): string {
  let word = input.toLowerCase();
  const halves = word.split('-');
  if (halves.length === 2 && halves[0] === halves[1]) word = halves[0]!; // negara-negara
  if (word.length <= 4 || KNOWN_ROOTS.has(word)) return word;
  word = word.replace(/(?<=\w{4})(lah|kah|pun)$/, '');
  word = word.replace(/(?<=\w{4})(nya|ku|mu)$/, '');
  if (KNOWN_ROOTS.has(word)) return word;
  const whole = stripPrefix(word, '');
  if (whole && KNOWN_ROOTS.has(whole.stem)) return whole.stem; // "menjadi", "menilai": the -i is the root's
  const { base, suffix } = stripSuffix(word);
  const first = stripPrefix(base, suffix) ?? whole;
  if (!first) return suffix === 'an' && looksLikeRoot(base) ? base : word;
  if (KNOWN_ROOTS.has(first.stem)) return first.stem;
  const second = first.prefix === 'ber' || first.prefix === 'di' ? null : stripPrefix(first.stem, suffix);
  return second && KNOWN_ROOTS.has(second.stem) ? second.stem : first.stem;
}
