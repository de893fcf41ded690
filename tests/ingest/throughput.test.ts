// Cleaning must stay cheap: the engine's ingest budget (>= 200 articles/s)
// includes summarising, so cleaning alone must clear it with room to spare (it runs at ~1,000+/s on an idle machine).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/ingest/clean-article.js';
import { antaraStyle, blogStyle, cnbcStyle, kompasStyle, reutersStyle } from './unseen-articles.js';

const seedsDir = new URL('../../seeds/', import.meta.url);
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(new URL(f, seedsDir), 'utf8'));
const texts = [...seeds, kompasStyle, reutersStyle, cnbcStyle, antaraStyle, blogStyle];

describe('cleaning throughput', () => {
  it('cleans 1,000 articles at well over 200 articles per second', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    for (const text of texts) cleanArticle({ text }, now);
    const start = performance.now();
    for (let i = 0; i < 1000; i++) cleanArticle({ text: texts[i % texts.length] ?? '' }, now);
    const seconds = (performance.now() - start) / 1000;
    expect(1000 / seconds).toBeGreaterThan(200);
  });
});
