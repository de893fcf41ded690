// StoredArticle + its story -> the neutral Card every adapter renders. Key
// figures only feed cards: the store keeps them out of memory and they are read
// here (decision 025), unless the record carries its own (one just added).
import type { Brief } from '../briefs/brief-schema.js';
import type { StoredArticle, Card, KeyFigure } from '../model/article.js';
import type { BriefingStore } from '../store/briefing-store.js';
import type { StoryIndex } from '../stories/story-clusters.js';

export class CardBuilder {
  private readonly briefsById: ReadonlyMap<string, Brief>;

  constructor(
    briefs: readonly Brief[],
    private readonly stories: StoryIndex,
    private readonly store: Pick<BriefingStore, 'readKeyFigures'>,
  ) {
    this.briefsById = new Map(briefs.map((b) => [b.id, b]));
  }

  build(a: StoredArticle & { keyFigures?: KeyFigure[] }): Card {
    const siblings = this.stories
      .otherReports(a)
      .sort((x, y) => (x.eventDate ?? x.addedAt).localeCompare(y.eventDate ?? y.addedAt));
    return {
      id: a.id,
      headline: a.title,
      source: a.source,
      date: a.eventDate ?? a.publishedDate,
      language: a.language,
      keyPoints: a.keyPoints,
      keyFigures: a.keyFigures ?? this.store.readKeyFigures(a.id) ?? [],
      entities: a.entities,
      topics: a.topics.map((id) => ({ id, name: this.briefsById.get(id)?.name ?? id })),
      link: a.link,
      storyId: a.storyId,
      // A blank source is no source: renderers then name the report by its headline.
      alsoReportedBy: siblings.map((m) => ({ id: m.id, headline: m.title, source: m.source?.trim() || null, language: m.language, link: m.link })),
    };
  }
}
