// Decides whether an article a followed feed brought in belongs in the briefing.
// The briefs' own topic tagger does the matching: once for the briefs' topics,
// and once for the sides of the briefing's field (briefs/_scope.yaml, the same file
// look-ups use for scope), so a story about electric cars in another pair of
// countries stays out.
import type { Brief } from '../briefs/brief-schema.js';
import { TopicTagger } from '../briefs/topic-tagger.js';

export interface RelevanceVerdict {
  relevant: boolean;
  /** Brief ids the text mentions, most mentioned first. */
  topics: string[];
  /** Party names the text does not mention often enough (empty when relevant). */
  missingParties: string[];
}

export interface RelevanceRule {
  minTopicMentions: number;
  minPartyMentions: number;
}

export class FeedRelevance {
  private readonly topics: TopicTagger;
  private readonly parties: TopicTagger | null;
  private readonly partyNames: string[];

  constructor(
    briefs: readonly Brief[],
    parties: Record<string, string[]> | null,
    private readonly rule: RelevanceRule,
  ) {
    this.topics = new TopicTagger(briefs);
    this.partyNames = parties ? Object.keys(parties) : [];
    this.parties = parties ? new TopicTagger(this.partyNames.map((id) => asBrief(id, parties[id]!))) : null;
  }

  judge(text: string): RelevanceVerdict {
    const mentions = this.topics.mentions(text);
    const topics = [...mentions.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    const total = [...mentions.values()].reduce((a, b) => a + b, 0);
    if (this.parties) {
      const seen = this.parties.mentions(text);
      const missingParties = this.partyNames.filter((p) => (seen.get(p) ?? 0) < this.rule.minPartyMentions);
      // With parties declared, naming both sides is what makes a story ours; the
      // topic threshold still applies when it is set above zero.
      return { relevant: missingParties.length === 0 && total >= this.rule.minTopicMentions, topics, missingParties };
    }
    return { relevant: total >= Math.max(1, this.rule.minTopicMentions), topics, missingParties: [] };
  }
}

function asBrief(id: string, names: string[]): Brief {
  return { id, name: id, description: id, aliases: { en: names, id: [] }, acronyms: {} };
}
