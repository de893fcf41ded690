// The bilingual search lexicon (lexicon/en-id.yaml): term pairs that let a
// look-up in one language reach articles written in the other.
import { z } from 'zod';
import { foldText } from '../text/normalize.js';
import { readYamlFile } from '../text/read-yaml-file.js';

const lexiconSchema = z.strictObject({
  pairs: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
});

/** Folded phrase -> folded translations (both directions). */
export type Lexicon = Map<string, string[]>;

export function loadLexicon(file: string): Lexicon {
  return buildLexicon(readYamlFile(file, lexiconSchema, 'Lexicon').pairs);
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
