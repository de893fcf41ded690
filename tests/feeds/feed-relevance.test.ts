// Which feed articles belong in the briefing: the briefs' tagger plus the parties
// they are about (the sides in briefs/_scope.yaml). Short texts written for the test.
import { describe, expect, it } from 'vitest';
import { loadBriefs } from '../../src/briefs/load-briefs.js';
import { readScopeSides } from '../../src/briefs/scope.js';
import { FeedRelevance } from '../../src/feeds/feed-relevance.js';
import { PROJECT_ROOT } from '../support/temp-engine.js';
import path from 'node:path';

const briefsDir = path.join(PROJECT_ROOT, 'briefs');
const briefs = loadBriefs(briefsDir);
const scoped = new FeedRelevance(briefs, readScopeSides(briefsDir), { minTopicMentions: 0, minPartyMentions: 1 });

describe('FeedRelevance', () => {
  it('keeps a report about both parties even when it names no brief alias', () => {
    const v = scoped.judge('Toyota starts exports from its Karawang plant\nThe carmaker shipped 1,200 cars from Indonesia on Friday.');
    expect(v).toMatchObject({ relevant: true, missingParties: [] });
  });

  it('keeps Indonesian reports', () => {
    expect(scoped.judge('RI dan Jepang sepakati pelatihan vokasi\nKementerian Perindustrian dan JICA menandatangani nota kesepahaman.').relevant).toBe(true);
  });

  it('leaves out a story on a brief topic between other countries, and says which party is missing', () => {
    const other = scoped.judge('Vietnam opens electric vehicle battery plant\nA Korean investor builds an EV battery site near Hanoi.');
    expect(other).toMatchObject({ relevant: false, topics: ['electric-vehicles'], missingParties: ['indonesia', 'japan'] });
    expect(scoped.judge('Thailand and Japan hold energy dialogue\nTokyo offers hydrogen and EV cooperation to Bangkok.').missingParties).toEqual(['indonesia']);
    expect(scoped.judge('Korean carmaker expands Indonesia EV plant\nThe Cikarang factory will build electric cars for Indonesia.').missingParties).toEqual(['japan']);
  });

  it('with no parties declared, a brief mention decides; the topic threshold applies', () => {
    const topicsOnly = new FeedRelevance(briefs, null, { minTopicMentions: 2, minPartyMentions: 1 });
    expect(topicsOnly.judge('One EV mention only.').relevant).toBe(false);
    expect(topicsOnly.judge('EV sales rose; the electric vehicle market grew.').relevant).toBe(true);
  });
});
