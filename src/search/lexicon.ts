// The bilingual search lexicon (lexicon/en-id.yaml): term pairs that let a
// look-up in one language reach articles written in the other.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { RingkasError } from '../errors.js';
import { foldText } from '../text/normalize.js';

const lexiconSchema = z.strictObject({
  pairs: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
});

/** Folded phrase -> folded translations (both directions). */
export type Lexicon = Map<string, string[]>;

export function loadLexicon(file: string): Lexicon {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new RingkasError('bad_input', `Lexicon ${file} cannot be read as YAML.`, { cause });
  }
  const parsed = lexiconSchema.safeParse(raw);
  if (!parsed.success) {
    throw new RingkasError('bad_input', `Lexicon ${file}: ${parsed.error.issues[0]!.path.join('.')} ${parsed.error.issues[0]!.message}.`);
  }
  return buildLexicon(parsed.data.pairs);
}

export function buildLexicon(pairs: readonly (readonly [string, string])[]): Lexicon {
  const map: Lexicon = new Map();
  const link = (from: string, to: string) => {
    if (from === to) return;
    const list = map.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    map.set(from, list);
  };
  for (const [en, id] of pairs) {
    const a = foldText(en);
    const b = foldText(id);
    link(a, b);
    link(b, a);
  }
  return map;
}
