// A day and month without a year in the text stay year-less all the way to the
// card ("27 Jun"), and a card without a known source names none.
import { describe, expect, it } from 'vitest';
import { renderCardText } from '../../adapters/shell/render-text.js';
import { cardDateLabel } from '../../src/cards/card-date.js';
import { cleanArticle } from '../../src/ingest/clean-article.js';
import type { Card } from '../../src/model/article.js';

const now = new Date('2026-12-01T00:00:00Z');
const text = [
  'Kementerian Industri Meluncurkan Program Magang Baru',
  '',
  'Kementerian Industri meluncurkan program magang untuk lulusan politeknik di Jakarta, Kamis (27/6). Program itu terbuka bagi seratus peserta dari berbagai daerah dan berlangsung selama enam bulan di pabrik mitra.',
  '',
  '"Kami ingin lulusan siap bekerja," kata kepala badan pengembangan sumber daya manusia industri kepada wartawan.',
].join('\n');

describe('year-less dates', () => {
  it('keeps a weekday date year-less when the text names no year, whatever today is', () => {
    expect(cleanArticle({ text }, now).eventDate).toBe('--06-27');
    expect(cleanArticle({ text }, new Date('2031-01-01T00:00:00Z')).eventDate).toBe('--06-27');
  });

  it('reads a year-less date as day and month', () => {
    expect(cardDateLabel('--06-27')).toBe('27 Jun');
    expect(cardDateLabel('2024-06-27')).toBe('2024-06-27');
    expect(cardDateLabel(null)).toBeNull();
  });

  it('shows "27 Jun" on the card and no placeholder for an unknown source', () => {
    const card: Card = {
      id: 'abc12345', headline: 'Program magang baru', source: null, date: '--06-27', language: 'id', keyPoints: [],
      keyFigures: [], entities: [], topics: [], link: null, storyId: 's1', alsoReportedBy: [],
    };
    const out = renderCardText(card);
    expect(out).toContain('27 Jun');
    expect(out.toLowerCase()).not.toContain('unknown');
  });
});
