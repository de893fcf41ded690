// Tags an article with the briefs whose name or aliases it mentions, by
// phrase match over folded tokens (one pass over the text, not one per alias).
import { foldTokens } from '../text/normalize.js';
import type { Brief } from './brief-schema.js';

interface Phrase {
  tokens: string[];
  briefId: string;
}

export class TopicTagger {
  private readonly byFirstToken = new Map<string, Phrase[]>();

  constructor(briefs: readonly Brief[]) {
    for (const b of briefs) {
      // An acronym that is also an alias ("EV") is one phrase: a mention counts once.
      const phrases = new Set([b.name, ...b.aliases.en, ...b.aliases.id, ...Object.keys(b.acronyms)].map((t) => foldTokens(t).join(' ')));
      for (const text of phrases) {
        const tokens = text === '' ? [] : text.split(' ');
        if (tokens.length === 0) continue;
        const list = this.byFirstToken.get(tokens[0]!) ?? [];
        list.push({ tokens, briefId: b.id });
        this.byFirstToken.set(tokens[0]!, list);
      }
    }
  }

  /** Brief ids mentioned in the text, most mentioned first. */
  tag(text: string): string[] {
    return this.tagTokens(foldTokens(text));
  }

  /** `tag` of a text whose `foldTokens` the caller has. */
  tagTokens(tokens: readonly string[]): string[] {
    return [...this.mentionsOfTokens(tokens).entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  }

  /** How often each brief is mentioned (name, alias or acronym), for callers that need a threshold. */
  mentions(text: string): Map<string, number> {
    return this.mentionsOfTokens(foldTokens(text));
  }

  private mentionsOfTokens(tokens: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (let i = 0; i < tokens.length; i++) {
      const phrases = this.byFirstToken.get(tokens[i]!);
      if (!phrases) continue;
      for (const p of phrases) {
        if (p.tokens.every((t, k) => tokens[i + k] === t)) counts.set(p.briefId, (counts.get(p.briefId) ?? 0) + 1);
      }
    }
    return counts;
  }
}
