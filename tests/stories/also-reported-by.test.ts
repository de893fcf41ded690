// "Also reported by" (issue 10): the other reports of a story, never the card's
// own article or a second copy of it, and never a blank source.
import { describe, expect, it } from 'vitest';
import { CardBuilder } from '../../src/cards/build-card.js';
import type { ArticleRecord, Language } from '../../src/model/article.js';
import { buildLexicon } from '../../src/search/lexicon.js';
import { StoryIndex } from '../../src/stories/story-clusters.js';

function stored(id: string, language: Language, title: string, source: string | null, link: string | null = null): ArticleRecord {
  return {
    id, storyId: 'story', language, title, source, link, canonicalUrl: link, eventDate: '2025-02-11', publishedDate: null,
    body: `${title}. Hanamura Motor opened a hydrogen station in Karawang worth Rp 35 miliar.`, titleDerived: false, fingerprint: id,
    keyPoints: [], keyFigures: [], entities: [], topics: [], addedAt: '2026-01-01T00:00:00Z', addedBy: 't',
  };
}

describe('also reported by', () => {
  const english = stored('en1', 'en', 'Hanamura opens hydrogen station', 'Daily Wire', 'https://daily.example/h2');
  const copy = stored('en2', 'en', 'Hanamura opens hydrogen station', 'Daily Wire');
  const relinked = stored('en3', 'en', 'Hanamura opens a hydrogen station in Karawang', 'Daily Wire', 'https://daily.example/h2');
  const indonesian = stored('id1', 'id', 'Hanamura resmikan stasiun hidrogen', 'Kabar Kita');
  const unsourced = stored('id2', 'id', 'Stasiun hidrogen Hanamura dibuka', '  ');
  const index = new StoryIndex([english, copy, relinked, indonesian, unsourced], buildLexicon([]));
  const cards = new CardBuilder([], index, { readKeyFigures: () => [] });

  it('never lists the article itself or a copy of it (same link, or same headline from the same outlet), and each report once', () => {
    expect(index.otherReports(english).map((a) => a.id)).toEqual(['id1', 'id2']);
    // en3 shares en1's link, and en1 is a copy of en2: all three are one report.
    expect(cards.build(copy).alsoReportedBy.map((s) => s.id)).toEqual(['id1', 'id2']);
    expect(cards.build(relinked).alsoReportedBy.map((s) => s.id)).toEqual(['id1', 'id2']);
    expect(cards.build(indonesian).alsoReportedBy.map((s) => s.id)).toEqual(['en1', 'id2']);
  });

  it('gives no blank source: a report without one is named by its headline alone', () => {
    const entry = cards.build(english).alsoReportedBy.find((s) => s.id === 'id2');
    expect(entry?.source).toBeNull();
    expect(entry?.headline).toBe('Stasiun hidrogen Hanamura dibuka');
  });
});
