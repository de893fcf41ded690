import { describe, expect, it } from 'vitest';
import type { ArticleRecord, CleanArticle, Language } from '../../src/model/article.js';
import { buildLexicon } from '../../src/search/lexicon.js';
import { StoryIndex } from '../../src/stories/story-clusters.js';
import { summarizeArticle } from '../../src/summarize/summarize-article.js';

const LEXICON = buildLexicon([['port', 'pelabuhan'], ['minister', 'menteri'], ['containers', 'kontainer']]);

function record(id: string, language: Language, eventDate: string | null, paragraphs: string[]): Omit<ArticleRecord, 'storyId'> {
  const clean: CleanArticle = {
    title: paragraphs[0]!, titleDerived: false, body: paragraphs.join('\n\n'), paragraphs, language,
    source: null, eventDate, publishedDate: null, fingerprint: id,
  };
  const { paragraphs: _stored, ...stored } = clean;
  return { ...stored, ...summarizeArticle(clean, { acronyms: new Map() }), id, link: null, canonicalUrl: null, topics: [], addedAt: '2026-01-01T00:00:00Z', addedBy: 't' };
}

const HARBOUR_ID = record('h-id', 'id', '2025-03-14', [
  'Menhub dan Menteri Transportasi Korea Selatan bahas pelabuhan',
  'Menteri Perhubungan Budi Santoso Wijaya bertemu Menteri Transportasi Korea Selatan Park Jae-won di Busan, Jumat (14/3), membahas proyek Pelabuhan Hijau (GPP).',
  'Kapasitas pelabuhan saat ini 12.000 kontainer per hari dan ditargetkan naik menjadi 20.000 kontainer per hari.',
  'Budi juga mendorong penyelesaian perjanjian IK-CEPA.',
]);
const HARBOUR_EN = record('h-en', 'en', '2025-03-14', [
  'Indonesia, South Korea discuss green ports',
  "Indonesia's Transport Minister Budi Santoso Wijaya met South Korean Transport Minister Park Jae-won in Busan on March 14, 2025 to discuss the Green Port Project (GPP).",
  'Port capacity now stands at 12,000 containers per day and is set to rise to 20,000 containers per day.',
  'He also urged the completion of the IK-CEPA agreement.',
]);
const FORUM_3 = record('f3', 'en', '2024-05-02', [
  'Maritime forum opens in Bali',
  'The 3rd Maritime Security Forum, attended by Transport Minister Budi Santoso Wijaya and Park Jae-won, opened in Bali on May 2, 2024 under the GPP framework.',
  'Delegates discussed 12,000 containers per day of shared capacity.',
]);
const FORUM_4 = record('f4', 'en', null, [
  'Maritime forum returns',
  'The 4th Maritime Security Forum, attended by Transport Minister Budi Santoso Wijaya and Park Jae-won, opened in Bali under the GPP framework.',
  'Delegates discussed 12,000 containers per day of shared capacity.',
]);

function addAll(index: StoryIndex, items: Omit<ArticleRecord, 'storyId'>[]): ArticleRecord[] {
  return items.map((a) => {
    const r = { ...a, storyId: index.assign(a) };
    index.add(r);
    return r;
  });
}

describe('StoryIndex', () => {
  it('groups one event reported in Indonesian and English; the story id is the first article', () => {
    const index = new StoryIndex([], LEXICON);
    const [id, en] = addAll(index, [HARBOUR_ID, HARBOUR_EN]);
    expect(en!.storyId).toBe(id!.id);
    expect(index.members(id!.id).map((a) => a.id)).toEqual(['h-id', 'h-en']);
  });

  it('groups reports of one event dated up to three days apart, and keeps one four days apart out', () => {
    const paragraphs = HARBOUR_EN.body.split('\n\n');
    for (const [date, joins] of [['2025-03-17', true], ['2025-03-11', true], ['2025-03-18', false], ['2025-03-10', false]] as const) {
      const index = new StoryIndex([], LEXICON);
      const [first, later] = addAll(index, [HARBOUR_ID, record('h-en2', 'en', date, paragraphs)]);
      expect(later!.storyId).toBe(joins ? first!.id : 'h-en2');
    }
  });

  it('keeps events of one series apart, by date and by edition number', () => {
    const index = new StoryIndex([], LEXICON);
    const [, , f3, f4] = addAll(index, [HARBOUR_ID, HARBOUR_EN, FORUM_3, FORUM_4]);
    expect(f3!.storyId).toBe('f3');
    expect(f4!.storyId).toBe('f4');
  });

  it('rebuilds from stored records and forgets removed articles', () => {
    const first = new StoryIndex([], LEXICON);
    const records = addAll(first, [HARBOUR_ID, HARBOUR_EN]);
    const index = new StoryIndex(records, LEXICON);
    index.remove(records[1]!);
    expect(index.members('h-id').map((a) => a.id)).toEqual(['h-id']);
    index.remove(records[0]!);
    expect(index.members('h-id')).toEqual([]);
    expect(index.assign(HARBOUR_EN)).toBe('h-en');
  });

  it('reads the headline and body of stored records, not their summaries', () => {
    const first = new StoryIndex([], LEXICON);
    const records = addAll(first, [HARBOUR_ID, FORUM_3]);
    // Summaries change as the summariser improves; grouping must not move with them.
    const unsummarised = records.map((r) => ({ ...r, entities: [], keyFigures: [], keyPoints: [] }));
    const index = new StoryIndex(unsummarised, LEXICON);
    expect(index.assign(HARBOUR_EN)).toBe('h-id');
    // The series edition still vetoes: it is read from the text.
    expect(index.assign({ ...FORUM_4, eventDate: '2024-05-02' })).toBe('f4');
  });

  it('uses the text of the record it is given, even right after assigning its draft', () => {
    const index = new StoryIndex([], LEXICON);
    const draft = { ...HARBOUR_ID, id: 'other' };
    const storyId = index.assign(draft);
    // The caller changed the text before adding: the index must follow the record.
    index.add({ ...draft, storyId, title: 'Catatan lain', body: 'Tidak ada yang sama di sini.' });
    expect(index.assign(HARBOUR_EN)).toBe('h-en');
  });

  /** `n` stored one-article stories, each its own event, a day apart. */
  function storedCorpus(n: number): ArticleRecord[] {
    return Array.from({ length: n }, (_, i) => {
      const day = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const draft = record(`c${i}`, 'en', day, [
        `Harbour ${i} opens new berth`,
        `Port operator Lintas${i} opened berth ${100 + i} at Harbour${i} with capacity of ${2000 + i} containers per day.`,
      ]);
      return { ...draft, storyId: draft.id };
    });
  }

  it('indexes stored signals after start, so the first change after a restart reads only its own article', async () => {
    const stored = storedCorpus(150);
    const index = new StoryIndex(stored, LEXICON);
    // Stories answer at once, before any signal is read.
    expect(index.members('c149').map((a) => a.id)).toEqual(['c149']);
    await index.whenIndexed();
    const before = index.stats();
    expect(before).toEqual({ signalsComputed: 150, pendingSignals: 0, signalsAhead: 0 });
    addAll(index, [HARBOUR_ID]);
    // assign reads the new article once and add reuses it; no stored article is read again.
    expect(index.stats().signalsComputed - before.signalsComputed).toBe(1);
  });

  it('reads each article once when adds interleave (assign A, assign B, add A, add B), as concurrent adds do', async () => {
    const index = new StoryIndex(storedCorpus(20), LEXICON);
    await index.whenIndexed();
    const before = index.stats().signalsComputed;
    const a = { ...HARBOUR_ID, storyId: index.assign(HARBOUR_ID) };
    const b = { ...FORUM_3, storyId: index.assign(FORUM_3) };
    index.add(a);
    index.add(b);
    expect(index.stats().signalsComputed - before).toBe(2);
    expect(index.members('h-id').map((r) => r.id)).toEqual(['h-id']);
    expect(index.assign(HARBOUR_EN)).toBe('h-id');
  });

  it('gives a change that comes before the background build is done the same story as one after it', async () => {
    const stored = [...storedCorpus(150), ...addAll(new StoryIndex([], LEXICON), [HARBOUR_ID])];
    const early = new StoryIndex(stored, LEXICON);
    expect(early.assign(HARBOUR_EN)).toBe('h-id');
    expect(early.stats().pendingSignals).toBe(0);
    const late = new StoryIndex(stored, LEXICON);
    await late.whenIndexed();
    expect(late.assign(HARBOUR_EN)).toBe('h-id');
    expect(late.assign(FORUM_3)).toBe(early.assign(FORUM_3));
  });

  it('indexes signals known from an earlier run in the background too, and a change before that build is done gets the same story as one after it', async () => {
    const stored = [...storedCorpus(150), ...addAll(new StoryIndex([], LEXICON), [HARBOUR_ID])];
    const reader = new StoryIndex(stored, LEXICON);
    await reader.whenIndexed();
    const known = new Map(stored.map((a) => [a.id, reader.signalsFor(a.id)!]));
    const early = new StoryIndex(stored, LEXICON, known);
    // Nothing indexed before start returns: stories answer from the records alone.
    expect(early.stats()).toEqual({ signalsComputed: 0, pendingSignals: stored.length, signalsAhead: 0 });
    expect(early.members('h-id').map((a) => a.id)).toEqual(['h-id']);
    expect(early.assign(HARBOUR_EN)).toBe('h-id');
    expect(early.stats().pendingSignals).toBe(0);
    const late = new StoryIndex(stored, LEXICON, known);
    await late.whenIndexed();
    expect(late.assign(HARBOUR_EN)).toBe('h-id');
    expect(late.assign(FORUM_3)).toBe(early.assign(FORUM_3));
    // Known signals are taken as they are: only the two new articles were read.
    expect(early.stats().signalsComputed).toBe(2);
    expect(late.stats().signalsComputed).toBe(2);
  });

  // Speed is measured by `npm run bench ingest`, not asserted here (shared, noisy machines).
  it('rebuilds from 10,000 stored records', () => {
    const stored: ArticleRecord[] = [];
    for (let i = 0; i < 10_000; i++) {
      stored.push({
        ...HARBOUR_EN,
        id: `s${i}`,
        storyId: `s${i}`,
        eventDate: `20${10 + (i % 10)}-0${1 + (i % 9)}-1${i % 9}`,
        entities: [{ name: `Person${i % 500} Name${i}`, kind: 'person' }, { name: `AC${i % 300}`, kind: 'organisation' }, { name: 'Indonesia', kind: 'place' }],
        keyFigures: [{ value: String(1000 + (i % 700)), context: 'units' }],
      });
    }
    const index = new StoryIndex(stored, LEXICON);
    expect(index.members('s9999').map((a) => a.id)).toEqual(['s9999']);
    index.stop();
  });

  it('assigns in a large corpus without pulling a new article into unrelated stories', () => {
    const filler: ArticleRecord[] = [];
    for (let i = 0; i < 10_000; i++) {
      const r = HARBOUR_EN;
      filler.push({
        ...r,
        id: `x${i}`,
        storyId: `x${i}`,
        eventDate: `20${10 + (i % 10)}-0${1 + (i % 9)}-1${i % 9}`,
        entities: [{ name: `Person${i} Name${i}`, kind: 'person' }, { name: `AC${i}`, kind: 'organisation' }, { name: 'Indonesia', kind: 'place' }],
        keyFigures: [{ value: String(1000 + i), context: `${1000 + i} units` }],
      });
    }
    const index = new StoryIndex(filler, LEXICON);
    const unrelated = { ...HARBOUR_ID, id: 'n0', entities: [{ name: 'Nobody Else', kind: 'person' as const }], keyFigures: [], eventDate: '2031-01-01' };
    expect(index.assign(unrelated)).toBe('n0');
  });
});
