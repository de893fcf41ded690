// Same event across languages (issue 10, class 6): short reports written for
// these tests, in the shapes real news takes.
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, CleanArticle, Language } from '../../src/model/article.js';
import { buildLexicon } from '../../src/search/lexicon.js';
import { StoryIndex } from '../../src/stories/story-clusters.js';
import { summarizeArticle } from '../../src/summarize/summarize-article.js';

const LEXICON = buildLexicon([
  ['investment', 'investasi'], ['plant', 'pabrik'], ['electric vehicle', 'kendaraan listrik'], ['hybrid', 'hibrida'],
  ['minister', 'menteri'], ['industry minister', 'menteri perindustrian'], ['signing', 'penandatanganan'],
  ['students', 'siswa'], ['training', 'pelatihan'], ['vocational', 'vokasi'], ['hydrogen', 'hidrogen'],
]);

type Draft = Omit<ArticleRecord, 'storyId'>;

function report(id: string, language: Language, eventDate: string | null, title: string, body: string): Draft {
  const clean: CleanArticle = { title, titleDerived: false, body, paragraphs: [body], language, source: null, eventDate, publishedDate: null, fingerprint: id };
  const { paragraphs: _stored, ...stored } = clean;
  return { ...stored, ...summarizeArticle(clean, { acronyms: new Map() }), id, link: null, canonicalUrl: null, topics: [], addedAt: '2026-01-01T00:00:00Z', addedBy: 't' };
}

function storiesOf(drafts: Draft[]): string[][] {
  const index = new StoryIndex([], LEXICON);
  const byStory = new Map<string, string[]>();
  for (const d of drafts) {
    const storyId = index.assign(d);
    index.add({ ...d, storyId });
    byStory.set(storyId, [...(byStory.get(storyId) ?? []), d.id]);
  }
  return [...byStory.values()];
}

const PLEDGE_ID = report('pledge-id', 'id', '2019-06-27', 'Hanamura siapkan Rp 28,3 triliun untuk mobil hibrida',
  'Menteri Perindustrian Sri Wulandari mengatakan Hanamura Motor siap menanam investasi Rp 28,3 triliun untuk pabrik mobil hibrida di Karawang. ' +
  'Presiden Hanamura Motor, Kenji Takeda, menyampaikan rencana itu di Osaka.');
const PLEDGE_EN = report('pledge-en', 'en', null, 'Hanamura ready to invest IDR28.3 trillion: minister',
  'Industry Minister Sri Wulandari said that Hanamura Motor is ready to invest IDR28.3 trillion in a hybrid car plant in Karawang. ' +
  'Hanamura Motor president Kenji Takeda presented the plan in Osaka on Thursday.');
const PLEDGE_LATER = report('pledge-2020', 'id', '2020-12-08', 'Hanamura Asia bertemu Menperin secara virtual',
  'Menteri Perindustrian Sri Wulandari bertemu Kenji Takeda dari Hanamura Motor secara virtual. Hanamura Motor kembali menyebut investasi ' +
  '2 miliar dolar AS (sekitar Rp 28,3 triliun) untuk kendaraan listrik di Karawang.');

describe('same event across languages', () => {
  it('groups one pledge across languages; the same people and amount in another year, or the same minister and day at another event, stay apart', () => {
    const framework = report('framework', 'en', '2019-06-27', 'Indonesia and Japan sign new framework for MIDEC',
      'Industry Minister Sri Wulandari and Japanese trade minister Haruto Seko signed a framework document for the New MIDEC programme in Osaka. ' +
      'The METI document covers IJEPA cooperation.');
    // The undated English report matches the 2020 report as well as the 2019 one does; the story's 2019 date decides.
    expect(storiesOf([PLEDGE_EN, PLEDGE_ID, framework, PLEDGE_LATER])).toEqual([['pledge-en', 'pledge-id'], ['framework'], ['pledge-2020']]);
  });

  it('keeps an undated report apart from a story it shares only organisations and people with', () => {
    const classEn = report('class-en', 'en', '2024-09-10', 'Ministry opens first vocational class in Japan',
      'Industry Minister Sri Wulandari launched the first vocational class with Morinaga Works and Pacific Asia Bridge Consulting (PABC). ' +
      'Masrukhin, head of BPSDMI, said 40 students from Politeknik Tegal will join the training.');
    const classId = report('class-id', 'id', '2024-09-10', 'Kemenperin buka kelas vokasi pertama di Jepang',
      'Menteri Perindustrian Sri Wulandari membuka kelas vokasi pertama bersama Morinaga Works dan Pacific Asia Bridge Consulting (PABC). ' +
      'Kepala BPSDMI Masrukhin mengatakan 40 siswa Politeknik Tegal mengikuti pelatihan itu.');
    const mou = report('mou', 'id', null, 'Kemenperin teken MoU dengan dua perusahaan Jepang',
      'Kepala BPSDMI Masrukhin menandatangani nota kesepahaman dengan Morinaga Works dan Pacific Asia Bridge Consulting (PABC) di Nagasaki, Selasa. ' +
      'Kerja sama itu melibatkan Politeknik Tegal dan pelatihan vokasi.');
    expect(storiesOf([classEn, classId, mou])).toEqual([['class-en', 'class-id'], ['mou']]);
  });

  it('matches a day and month without a year to the full date of the same day', () => {
    const en = report('h2-en', 'en', '2024-01-17', 'Groundbreaking of a hydrogen station',
      'Pertiwi Energi and Hanamura Motor broke ground on a hydrogen station at Kali Deres on January 17, 2024. CEO Dani Saputro led the event.');
    const id = report('h2-id', 'id', '--01-17', 'Pertiwi Energi gandeng Hanamura bangun stasiun hidrogen',
      'Pertiwi Energi dan Hanamura Motor memulai pembangunan stasiun hidrogen di Kali Deres, Rabu (17/1). CEO Dani Saputro memimpin acara itu.');
    expect(storiesOf([en, id])).toEqual([['h2-en', 'h2-id']]);
  });
});
