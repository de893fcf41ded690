// Autocomplete for look-ups: brief names first, then aliases, then the
// entities that appear most across articles.
import type { EngineServices } from '../services.js';
import { foldText } from '../text/normalize.js';

const MAX_LEN = 100;

// Autocomplete runs on every keystroke: entity counts over every article are
// computed once per change of the article set, not per call.
const entityCounts = new WeakMap<EngineServices, { generation: number; entities: [string, string][] }>();

/** Entity names with their folded form, most frequent first. */
function frequentEntities(s: EngineServices): [string, string][] {
  const cached = entityCounts.get(s);
  if (cached && cached.generation === s.index.answers.generation) return cached.entities;
  const counts = new Map<string, number>();
  for (const a of s.store.listArticles()) for (const e of a.entities) counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
  const entities = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => [name, foldText(name)] as [string, string]);
  entityCounts.set(s, { generation: s.index.answers.generation, entities });
  return entities;
}

export function completions(s: EngineServices, prefix: string, limit: number): string[] {
  const p = foldText(prefix);
  const out: string[] = [];
  const push = (text: string) => {
    const t = text.slice(0, MAX_LEN);
    if (!out.some((o) => o.toLowerCase() === t.toLowerCase())) out.push(t);
  };
  const matches = (text: string) => p === '' || foldText(text).startsWith(p) || foldText(text).includes(` ${p}`);
  for (const b of s.briefs) if (matches(b.name)) push(b.name);
  for (const b of s.briefs) for (const a of [...b.aliases.en, ...b.aliases.id]) if (p !== '' && matches(a)) push(a);
  for (const [name, folded] of frequentEntities(s)) {
    if (out.length >= limit) break;
    if (p === '' || folded.startsWith(p) || folded.includes(` ${p}`)) push(name);
  }
  return out.slice(0, limit);
}
