// npm run eval [labels.json]: ingests the labelled articles into a fresh temporary
// store through the engine's public API and measures the cards: key-fact recall,
// ROUGE vs the editors' key points (with LEAD-3 side by side), clutter on cards,
// recall@5 / reciprocal rank / precision@5 per query with the hard negatives
// that reached the top 5, and story pairwise P/R/F1. The last line
// is one machine-readable `EVAL {...}` line.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { briefGlossary, loadBriefs } from '../src/briefs/load-briefs.js';
import { Engine } from '../src/engine.js';
import { rawFromFile } from '../src/articles/raw-from-input.js';
import { cleanArticle } from '../src/ingest/clean-article.js';
import type { Card } from '../src/model/article.js';
import type { CommandContext } from '../src/model/actor.js';
import { summarizeArticle } from '../src/summarize/summarize-article.js';
import { factPresent } from './eval/key-facts.js';
import { readLabels } from './eval/labels-file.js';
import { hardNegativesShown, pairwiseScores, precisionAtK, recallAtK, reciprocalRank } from './eval/ranking.js';
import { cardText, lead3 } from './eval/report-card.js';
import { rouge, type RougeScores } from './eval/rouge.js';

const ctx: CommandContext = { actor: { platform: 'shell', id: 'eval', isAdmin: true } };
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const r3 = (x: number) => Math.round(x * 1000) / 1000;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const pointsFlag = args.indexOf('--points');
  // `--points N`: after the per-article lines, show the N articles whose key points trail LEAD-3 most, beside the reference.
  const showPoints = pointsFlag === -1 ? 0 : Number(args.splice(pointsFlag, 2)[1] ?? 10);
  const orderFlag = args.indexOf('--order-seed');
  // `--order-seed N`: ingest the articles in a seeded shuffled order, to check that stories do not depend on it.
  const orderSeed = orderFlag === -1 ? null : Number(args.splice(orderFlag, 2)[1] ?? 1);
  const labelsPath = path.resolve(args[0] ?? 'seeds/labels.json');
  const labels = readLabels(labelsPath);
  const dir = mkdtempSync(path.join(tmpdir(), 'ringkas-eval-'));
  const config = loadConfig({ env: { RINGKAS_DATA_DIR: dir, RINGKAS_SEED_ON_EMPTY: 'false', RINGKAS_LOG_LEVEL: 'silent' }, envFile: null });
  const engine = await Engine.open({ config });
  // The same glossary the engine summarises with, so the no-stemming figure differs only in stemming.
  const glossary = briefGlossary(loadBriefs(config.briefsDir));
  try {
    const cards = new Map<string, Card>();
    const fileById = new Map<string, string>();
    for (const file of orderSeed === null ? Object.keys(labels.articles) : shuffled(Object.keys(labels.articles), orderSeed)) {
      const content = readFileSync(path.join(labels.articleDir, file), 'utf8');
      const reply = await engine.execute({ name: 'add', input: { kind: 'file', filename: file, content } }, ctx);
      if (reply.kind !== 'added') throw new Error(`${file}: ${JSON.stringify(reply).slice(0, 200)}`);
      cards.set(file, reply.card);
      fileById.set(reply.card.id, file);
    }
    const facts: number[] = [];
    const ours: RougeScores[] = [];
    const base: RougeScores[] = [];
    const unstemmed: number[] = [];
    let boilerplate = 0;
    const sideBySide: { file: string; gap: number; ours: readonly string[]; reference: readonly string[]; lead: string }[] = [];
    console.log('ARTICLES');
    for (const [file, label] of Object.entries(labels.articles)) {
      const card = cards.get(file)!;
      const text = cardText(card);
      const missing = label.key_facts.filter((f) => !factPresent(f, text));
      const recall = label.key_facts.length ? 1 - missing.length / label.key_facts.length : 1;
      facts.push(recall);
      const reference = label.key_points.join(' ');
      const clean = cleanArticle(rawFromFile({ kind: 'file', filename: file, content: readFileSync(path.join(labels.articleDir, file), 'utf8') }), new Date());
      const mine = rouge(card.keyPoints.join(' '), reference);
      const lead = rouge(lead3(clean), reference);
      const noStem = rouge(summarizeArticle(clean, glossary, { stem: false }).keyPoints.join(' '), reference);
      ours.push(mine);
      base.push(lead);
      unstemmed.push(noStem.rougeL);
      sideBySide.push({ file, gap: mine.rougeL - lead.rougeL, ours: card.keyPoints, reference: label.key_points, lead: lead3(clean) });
      const clutter = labels.boilerplate_never_on_a_card.filter((b) => text.toLowerCase().includes(b.toLowerCase()));
      boilerplate += clutter.length;
      console.log(
        `  ${file}  facts ${r3(recall)}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}` +
          `  R1 ${r3(mine.rouge1)} R2 ${r3(mine.rouge2)} RL ${r3(mine.rougeL)} | LEAD-3 RL ${r3(lead.rougeL)}` +
          `${clutter.length ? `  CLUTTER: ${clutter.join(', ')}` : ''}`,
      );
    }
    const avg = (xs: RougeScores[], k: keyof RougeScores) => mean(xs.map((x) => x[k]));
    console.log(`  mean: facts ${r3(mean(facts))}  R1 ${r3(avg(ours, 'rouge1'))} R2 ${r3(avg(ours, 'rouge2'))} RL ${r3(avg(ours, 'rougeL'))}` +
      `  | LEAD-3 R1 ${r3(avg(base, 'rouge1'))} R2 ${r3(avg(base, 'rouge2'))} RL ${r3(avg(base, 'rougeL'))}  | without stemming RL ${r3(mean(unstemmed))}`);

    if (showPoints > 0) printSideBySide(sideBySide, showPoints);

    console.log('QUERIES');
    const recalls: number[] = [];
    const rrs: number[] = [];
    const precisions: number[] = [];
    let hardNegativeHits = 0;
    for (const [query, expected] of Object.entries(labels.queries)) {
      const reply = await engine.execute({ name: 'brief', query }, ctx);
      const ranked = reply.kind === 'cards' ? reply.cards.map((c) => [c.id, ...c.alsoReportedBy.map((s) => s.id)].map((id) => fileById.get(id) ?? id)) : [];
      const rec = recallAtK(ranked, expected, 5);
      const rr = reciprocalRank(ranked, expected);
      const prec = precisionAtK(ranked, expected, labels.partial[query] ?? [], 5);
      const negatives = hardNegativesShown(ranked, labels.hard_negatives[query] ?? [], 5);
      recalls.push(rec);
      rrs.push(rr);
      precisions.push(prec);
      hardNegativeHits += negatives.length;
      console.log(
        `  ${JSON.stringify(query)}  recall@5 ${r3(rec)}  RR ${r3(rr)}  P@5 ${r3(prec)}` +
          `${negatives.length ? `  HARD NEGATIVES: ${negatives.join(', ')}` : ''}` +
          `  [${ranked.slice(0, 5).map((g) => g.join('+')).join(' | ')}]`,
      );
    }
    console.log(`  mean: recall@5 ${r3(mean(recalls))}  MRR ${r3(mean(rrs))}  P@5 ${r3(mean(precisions))}  hard negatives ${hardNegativeHits}`);

    const groups = new Map<string, string[]>();
    for (const [file, card] of cards) groups.set(card.storyId, [...(groups.get(card.storyId) ?? []), file]);
    const story = pairwiseScores([...groups.values()], labels.stories);
    console.log('STORIES');
    for (const g of groups.values()) console.log(`  [${g.join(', ')}]`);
    console.log(`  pairwise P ${r3(story.precision)} R ${r3(story.recall)} F1 ${r3(story.f1)}`);

    const summary = {
      articles: cards.size,
      keyFactRecall: r3(mean(facts)),
      rouge1: r3(avg(ours, 'rouge1')),
      rouge2: r3(avg(ours, 'rouge2')),
      rougeL: r3(avg(ours, 'rougeL')),
      lead3RougeL: r3(avg(base, 'rougeL')),
      boilerplate,
      recallAt5: r3(mean(recalls)),
      mrr: r3(mean(rrs)),
      precisionAt5: r3(mean(precisions)),
      hardNegativeHits,
      storyPrecision: r3(story.precision),
      storyRecall: r3(story.recall),
      storyF1: r3(story.f1),
    };
    console.log(`EVAL ${JSON.stringify(summary)}`);
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A seeded Fisher-Yates shuffle (mulberry32), so an order that splits a story can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function printSideBySide(rows: { file: string; gap: number; ours: readonly string[]; reference: readonly string[]; lead: string }[], n: number): void {
  console.log(`WORST ${n} (key points RL minus LEAD-3 RL)`);
  for (const row of [...rows].sort((a, b) => a.gap - b.gap).slice(0, n)) {
    console.log(`  ${row.file}  gap ${r3(row.gap)}`);
    for (const p of row.ours) console.log(`    ours: ${p}`);
    for (const p of row.reference) console.log(`    ref:  ${p}`);
    console.log(`    lead: ${row.lead}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
