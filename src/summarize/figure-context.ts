// The words around a key figure, cut where a person would cut them: the head
// starts after any date and at a clause start ("invest", not "2025 it would
// invest"); the tail keeps the unit and a rate or period ("cars a year from
// 2027", "kendaraan per 1.000 penduduk") and never ends on a dangling word.

// A comma between digits is a thousands separator ("220,000"), not a clause break.
const CLAUSE_STOP = /(?<!\d),|,(?!\d{3}(?!\d))|[;:()“”"]|\s[-–—]\s/;
const LEAD_WORDS = new Set([
  'it', 'they', 'he', 'she', 'we', 'i', 'you', 'which', 'that', 'who', 'and', 'but', 'or', 'also', 'then',
  'would', 'will', 'could', 'can', 'may', 'might', 'should', 'shall', 'has', 'have', 'had',
  'ia', 'dia', 'mereka', 'kami', 'kita', 'beliau', 'yang', 'bahwa', 'dan', 'serta', 'tetapi', 'namun', 'atau', 'juga',
  'akan', 'telah', 'sudah', 'pun', 'on', 'pada', 'tanggal', 'of', 'in', 'at', 'di',
  // Auxiliaries and stance words that open a clause but say nothing about the figure.
  'be', 'been', 'being', 'is', 'are', 'was', 'were', 'must', 'believe', 'think', 'expect', 'hope',
  'saya', 'aku', 'yakin', 'bisa', 'dapat', 'harus', 'mungkin', 'berharap', 'percaya',
]);
// A time adverb opening a clause ("Saat ini", "Currently") is not part of what the figure measures.
const OPENING_ADVERB = /^(?:saat\s+ini|kini|sekarang|currently|now|today)\s+/i;
/** A clause this short is kept whole, so the figure reads from its subject. */
const WHOLE_CLAUSE_WORDS = 10;
// Words a tail must not end on: prepositions, articles, conjunctions, relatives.
const DANGLING = /(\s+(pada|di|ke|dari|untuk|dan|atau|yang|dengan|oleh|sebagai|para|se|to|in|at|on|of|for|from|with|and|or|by|a|an|the|its|their|his|her|that|which|who|as|than))+$/i;
// A tail clause ends before these: a new clause, a reporting verb, a place or time adjunct.
const TAIL_BREAK = new Set([
  'to', 'in', 'at', 'on', 'for', 'with', 'by', 'as', 'and', 'or', 'but', 'that', 'which', 'who', 'while', 'said', 'says',
  'according', 'untuk', 'di', 'ke', 'pada', 'dengan', 'oleh', 'dan', 'atau', 'yang', 'serta', 'sebagai', 'kata', 'ujar',
  'ucap', 'menurut', 'sementara', 'sedangkan', 'dalam', 'bagi', 'tetapi', 'namun', 'hingga', 'sampai', 'sejak', 'mulai',
  'until', 'since', 'from', 'dari', 'over', 'during', 'selama', 'after', 'before', 'setelah', 'sebelum', 'when', 'ketika', 'saat',
  'menjadi', 'sehingga', 'so',
]);
const PERIOD = String.raw`(?:(?:a|an|per|each|every|sebuah)\s+(?:year|month|week|day|hour|annum)|annually|per\s+(?:tahun|bulan|minggu|hari|jam|pekan)|setiap\s+(?:tahun|bulan|minggu|hari)|(?:se)?tiap\s+(?:tahun|bulan|hari))`;
const YEAR_PHRASE = String.raw`(?:from|since|by|until|starting(?:\s+in)?|in|mulai(?:\s+tahun)?|sejak(?:\s+tahun)?|pada\s+tahun|hingga(?:\s+tahun)?|sampai(?:\s+tahun)?|tahun)\s+(?:19|20)\d{2}\b`;
const YEAR_NEXT = new RegExp(String.raw`^\s*${YEAR_PHRASE}`, 'iu');
const RATE = new RegExp(
  String.raw`^\s+(?:(?!(?:from|dari|to|ke|than|by|in|di|since|sejak|mulai|at|on|pada)\s)[\p{L}-]+\s+){0,3}?(?:per\s+\d[\d.,]*(?:\s+\(?\p{L}+\)?)?|${PERIOD})(?:\s+${YEAR_PHRASE})?`,
  'iu',
);
const COMPARISON = /^\s+(?:dari|from|than|compared\s+(?:with|to)|dibanding(?:kan)?(?:\s+dengan)?|year[- ]on[- ]year|yoy)(?:\s+(?:a|the|periode|the\s+same)?\s*(?:\p{L}+\s+)?(?:tahun|year|bulan|month|kuartal|quarter|periode|period)(?:\s+(?:lalu|sebelumnya|earlier|ago|before))?)?/iu;
const PURPOSE = /^\s+(?:to|untuk)\s+(?:[\p{L}-]+\s+){0,5}?[\p{L}-]+(?=[,.;:!?]|\s+(?:in|at|on|di|ke|pada|and|dan|that|yang|which|said|kata)\b|$)/iu;
const CONVERSION = /^\s*\((?:sekitar\s+|about\s+|around\s+|or\s+|atau\s+|setara\s+)?(?:Rp|US\$|S\$|\$|€|¥)\s?\d[\d.,]*(?:\s+\p{L}+)?\)/iu;

/** A "(US$1.7 billion)" / "(Rp27 triliun)" conversion right after a money figure, or ''. */
export function conversionAfter(sentence: string, end: number): string {
  return CONVERSION.exec(sentence.slice(end))?.[0] ?? '';
}

/** What the number counts and at what rate, or what the money is for; '' when nothing fits. */
export function tailAfter(sentence: string, end: number, money: boolean, percent: boolean): string {
  const rest = sentence.slice(end);
  const rate = RATE.exec(rest);
  if (rate && !/[;:]|,(?!\d)/.test(rate[0])) return rate[0].trimEnd();
  if (percent) {
    const cmp = COMPARISON.exec(rest);
    if (cmp) return cmp[0].trimEnd().replace(DANGLING, '');
  }
  if (money) {
    const why = PURPOSE.exec(rest);
    if (why) return why[0].trimEnd().replace(DANGLING, '');
  }
  const stop = rest.search(/[,;:!?()“”"]|\.(?!\d)|\s[-–—]\s|\s(?:Rp|US\$|\$)?\d/);
  const clause = stop === -1 ? rest : rest.slice(0, stop);
  const words: string[] = [];
  let at = 0;
  for (const w of clause.split(/(?<=\S)(?=\s)/)) {
    const word = w.trim();
    if (words.length >= 4 || TAIL_BREAK.has(word.toLowerCase())) break;
    words.push(word);
    at += w.length;
  }
  const tail = words.join(' ').replace(DANGLING, '');
  if (DANGLING.test(` ${tail}`)) return '';
  // "… by 2026", "… mulai 2027": a year the figure is due by belongs to it.
  const due = tail && tail.length === words.join(' ').length ? YEAR_NEXT.exec(rest.slice(at)) : null;
  return due ? `${tail} ${due[0].trim()}` : tail;
}

/**
 * The words before the number: the whole clause when it is short, else the last six, starting
 * after any date or earlier figure (`bounds`) and past leading pronouns and auxiliaries.
 */
export function headBefore(sentence: string, start: number, bounds: readonly number[]): string {
  const from = Math.max(0, ...bounds.filter((e) => e <= start));
  const parts = sentence.slice(from, start).split(CLAUSE_STOP);
  const clause = (parts[parts.length - 1] ?? '').trim().replace(OPENING_ADVERB, '');
  const all = clause.split(/\s+/).filter(Boolean);
  const words = all.length <= WHOLE_CLAUSE_WORDS ? all : all.slice(-6);
  while (words.length > 1 && LEAD_WORDS.has(words[0]!.toLowerCase())) words.shift();
  if (words.length === 1 && LEAD_WORDS.has(words[0]!.toLowerCase())) return '';
  return words.join(' ');
}
