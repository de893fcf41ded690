// Date cues read the sentence a date stands in, split like the key points: an initialled
// name between the cue and the date does not cut the cue off.
import { describe, expect, it } from 'vitest';
import { cueFor } from '../../src/ingest/date-cues.js';

const cueOf = (body: string, date: string) => {
  const i = body.indexOf(date);
  return cueFor(body, i, i + date.length);
};

describe('date cues across initialled names', () => {
  it('reads "kata <name with initials>, Rabu (6/3/2024)" as a statement date', () => {
    const body = '"Dermaga ini melayani 120 kapal," kata Direktur Jenderal Budi S.A. Santoso di Manado, Rabu (6/3/2024). Dermaga itu diresmikan pada 4 Maret 2024.';
    expect(cueOf(body, '(6/3/2024)')).toBe('statement');
  });

  it('reads an English statement date after "said … J. R. Halim" as a statement date', () => {
    const body = 'The pier serves 120 boats, said port director Rina J. R. Halim on Wednesday, March 6, 2024.';
    expect(cueOf(body, 'March 6, 2024')).toBe('statement');
  });

  it('still leaves a date that opens the next sentence without the last sentence\'s cue', () => {
    const body = 'The pier serves 120 boats, the director said. (March 6, 2024)';
    expect(cueOf(body, 'March 6, 2024')).toBeNull();
  });
});
