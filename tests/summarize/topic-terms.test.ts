import { describe, expect, it } from 'vitest';
import type { CleanArticle } from '../../src/model/article.js';
import { summarizeArticle } from '../../src/summarize/summarize-article.js';
import { countTopicPhrases, topicMatcher } from '../../src/summarize/topic-terms.js';

describe('topic phrases', () => {
  const matcher = topicMatcher(['solar panel', 'Panel Surya', 'PLTS', 'solar', 'panel surya atap']);

  it('counts distinct phrases word by word, case-insensitively, never inside a word', () => {
    expect(countTopicPhrases(matcher, 'Pemasangan panel surya atap di 40 sekolah.')).toBe(2); // "panel surya", "panel surya atap"
    expect(countTopicPhrases(matcher, 'A solar-panel plant and another Solar Panel line.')).toBe(2); // "solar panel", "solar"
    expect(countTopicPhrases(matcher, 'Solarium and panelists met.')).toBe(0);
    expect(countTopicPhrases(matcher, 'PLTS Cirata, PLTS Saguling.')).toBe(1);
    expect(countTopicPhrases(topicMatcher([]), 'solar panel')).toBe(0);
  });

  it('lifts a sentence that names a tracked topic into the key points', () => {
    const paragraphs = [
      'Bandung (Kabar) – Pemerintah kota menggelar rapat koordinasi tahunan bersama Dinas Pendidikan di Balai Kota.',
      'Rapat dibuka oleh Wali Kota Farhan Hidayat dan dihadiri kepala sekolah dari seluruh kecamatan.',
      'Suasana rapat berlangsung hangat dan penuh keakraban sejak pagi hari.',
      'Salah satu rencana adalah pemasangan panel surya atap di sekolah negeri untuk menekan tagihan listrik.',
      'Rapat ditutup dengan sesi tanya jawab bersama para kepala sekolah.',
    ];
    const article: CleanArticle = {
      title: 'Rapat koordinasi Dinas Pendidikan Bandung', titleDerived: false, body: paragraphs.join('\n\n'), paragraphs,
      language: 'id', source: null, eventDate: null, publishedDate: null, fingerprint: 'x',
    };
    const plain = summarizeArticle(article, { acronyms: new Map() }).keyPoints.join(' ');
    const tracked = summarizeArticle(article, { acronyms: new Map(), topicTerms: ['panel surya', 'PLTS', 'tagihan listrik'] }).keyPoints.join(' ');
    expect(plain).not.toContain('panel surya');
    expect(tracked).toContain('panel surya');
  });
});
