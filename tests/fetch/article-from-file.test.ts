// Uploaded and imported files: text as is, markdown without its syntax, HTML
// through the same extraction as a fetched page, anything else refused.
import { describe, expect, it } from 'vitest';
import { articleFromFile } from '../../src/fetch/article-from-file.js';
import { stripSiteSuffix } from '../../src/fetch/page-metadata.js';
import { RingkasError } from '../../src/errors.js';
import { CLUTTER_WORDS, INDONESIAN_EXPECTED, INDONESIAN_PAGE } from './news-pages.js';

describe('articleFromFile', () => {
  it('keeps a .txt file as it is (line endings normalised)', () => {
    expect(articleFromFile('berita.txt', '\uFEFFJudul\r\n\r\nIsi berita.\r\n')).toEqual({ text: 'Judul\n\nIsi berita.\n' });
  });

  it('strips markdown syntax lightly and reads the heading and front matter', () => {
    const md = [
      '---',
      'source: Asia Wire',
      'date: 2024-03-07',
      'link: https://asiawire.example/a?utm_source=x',
      '---',
      '# Japan to *train* Indonesian technicians',
      '',
      'TOKYO - Japanese carmakers will **train** 1,000 technicians, [officials said](https://x.example) on _Thursday_.',
      'The programme runs for `five` years.',
      '',
      '![photo](a.jpg)',
      '> "This is the next step," the minister said.',
      '',
      '- battery assembly',
      '- hybrid powertrains',
      '',
      '---',
      '## Background',
      'snake_case_words stay intact.',
    ].join('\n');
    expect(articleFromFile('japan.md', md)).toEqual({
      title: 'Japan to train Indonesian technicians',
      source: 'Asia Wire',
      publishedDate: '2024-03-07',
      link: 'https://asiawire.example/a?utm_source=x',
      text: [
        'TOKYO - Japanese carmakers will train 1,000 technicians, officials said on Thursday. The programme runs for five years.',
        '"This is the next step," the minister said.',
        'battery assembly',
        'hybrid powertrains',
        'Background',
        'snake_case_words stay intact.',
      ].join('\n'),
    });
  });

  it('extracts a saved .html page like a fetched one', () => {
    const raw = articleFromFile('Kompas.HTM', INDONESIAN_PAGE);
    expect(raw.title).toBe(INDONESIAN_EXPECTED.title);
    expect(raw.source).toBe(INDONESIAN_EXPECTED.source);
    expect(raw.publishedDate).toBe(INDONESIAN_EXPECTED.publishedDate);
    expect(raw.text.split('\n')).toEqual(INDONESIAN_EXPECTED.paragraphs);
    for (const word of CLUTTER_WORDS) expect(raw.text).not.toContain(word);
    expect(raw.link).toMatch(/^https:\/\/www\.kompas\.example\/read\//);
  });

  it.each(['report.pdf', 'photo.png', 'data.docx', 'README'])('refuses %s with a clear sentence', (name) => {
    let err: unknown;
    try {
      articleFromFile(name, 'whatever');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RingkasError);
    expect((err as RingkasError).code).toBe('bad_input');
    expect((err as RingkasError).userMessage).toMatch(/use \.txt, \.md or \.html\.$/);
  });

  it('refuses binary content even with a text extension', () => {
    expect(() => articleFromFile('x.txt', 'abc\u0000def')).toThrow(/binary/);
  });
});

describe('stripSiteSuffix', () => {
  it.each([
    ['RI-Jepang Perluas Kerja Sama Otomotif - Kompas.com', 'RI-Jepang Perluas Kerja Sama Otomotif'],
    ['Japan to train technicians: what it means | Asia Wire', 'Japan to train technicians: what it means'],
    ['Toyota - Honda', 'Toyota - Honda'],
    ['A headline without a site name', 'A headline without a site name'],
  ])('%s -> %s', (title, expected) => {
    expect(stripSiteSuffix(title)).toBe(expected);
  });
});
