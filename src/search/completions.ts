// Autocomplete for look-ups: brief names first, then aliases, then the
// entities that appear most across articles.
import type { EngineServices } from '../services.js';
import { foldText } from '../text/normalize.js';

const MAX_LEN = 100;

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
  const entityCounts = new Map<string, number>();
  for (const a of s.store.listArticles()) {
    for (const e of a.entities) if (matches(e.name)) entityCounts.set(e.name, (entityCounts.get(e.name) ?? 0) + 1);
  }
  for (const [name] of [...entityCounts.entries()].sort((a, b) => b[1] - a[1])) push(name);
  return out.slice(0, limit);
}
