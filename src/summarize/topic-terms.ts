// The briefs' topic phrases ("sepeda motor listrik", "battery swapping"), matched
// word by word in a sentence. A key point that names a tracked topic is worth more
// to this bot's readers than one that does not. Phrases are compiled once per
// glossary into a first-word index, so a sentence is scanned once, not once per phrase.

export interface TopicMatcher {
  /** First word -> the phrases (as word lists) starting with it. */
  byFirst: Map<string, string[][]>;
}

const SPLIT = /[^\p{L}\p{N}]+/u;
const compiled = new WeakMap<readonly string[], TopicMatcher>();

function wordsOf(text: string): string[] {
  return text.toLowerCase().split(SPLIT).filter(Boolean);
}

export function topicMatcher(phrases: readonly string[]): TopicMatcher {
  let matcher = compiled.get(phrases);
  if (matcher) return matcher;
  const byFirst = new Map<string, string[][]>();
  const seen = new Set<string>();
  for (const phrase of phrases) {
    const ws = wordsOf(phrase);
    const key = ws.join(' ');
    if (ws.length === 0 || seen.has(key)) continue;
    seen.add(key);
    const list = byFirst.get(ws[0]!);
    if (list) list.push(ws);
    else byFirst.set(ws[0]!, [ws]);
  }
  matcher = { byFirst };
  compiled.set(phrases, matcher);
  return matcher;
}

/** How many distinct topic phrases the sentence contains. */
export function countTopicPhrases(matcher: TopicMatcher, sentence: string): number {
  return topicPhrasesIn(matcher, sentence).size;
}

const NONE: ReadonlySet<string[]> = new Set();

/** The distinct topic phrases the sentence contains (the matcher's own word lists, so sets compare by identity). */
export function topicPhrasesIn(matcher: TopicMatcher, sentence: string): ReadonlySet<string[]> {
  if (matcher.byFirst.size === 0) return NONE;
  const ws = wordsOf(sentence);
  const found = new Set<string[]>();
  for (let i = 0; i < ws.length; i++) {
    const phrases = matcher.byFirst.get(ws[i]!);
    if (!phrases) continue;
    for (const p of phrases) {
      let k = 1;
      while (k < p.length && ws[i + k] === p[k]) k++;
      if (k === p.length) found.add(p);
    }
  }
  return found;
}
