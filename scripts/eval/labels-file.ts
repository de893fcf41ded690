// The labels file `npm run eval` reads, validated: per-article expectations,
// gold stories, queries (with hard negatives and partial answers), and clutter
// that must never reach a card.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const labelsSchema = z.object({
  dir: z.string().optional(),
  articles: z.record(
    z.string(),
    z.object({
      language: z.enum(['id', 'en']).optional(),
      key_points: z.array(z.string()).default([]),
      key_facts: z.array(z.string()).default([]),
    }),
  ),
  stories: z.array(z.array(z.string())).default([]),
  queries: z.record(z.string(), z.array(z.string())).default({}),
  /** Per query: articles that share its words but must not be in its top 5. */
  hard_negatives: z.record(z.string(), z.array(z.string())).default({}),
  /** Per query: articles that are acceptable on a card without being what was asked for. */
  partial: z.record(z.string(), z.array(z.string())).default({}),
  boilerplate_never_on_a_card: z.array(z.string()).default([]),
});

export type LabelsFile = z.infer<typeof labelsSchema> & { articleDir: string };

export function readLabels(file: string): LabelsFile {
  const parsed = labelsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const articleDir = path.resolve(path.dirname(file), parsed.data.dir ?? '.');
  return { ...parsed.data, articleDir };
}
