// What to offer when a look-up finds nothing, or finds more than fits.
import type { StoredArticle } from '../model/article.js';
import { foldedBriefs, type QueryPlan } from '../search/query-plan.js';
import type { EngineServices } from '../services.js';
import { editDistance } from '../text/edit-distance.js';
import { foldText, foldTokens, foldWord } from '../text/normalize.js';

/** Closest topics and indexed terms; never empty while any brief exists. */
export function suggestionsFor(s: EngineServices, query: string): string[] {
  const q = foldText(query);
  const scored: { text: string; d: number }[] = [];
  for (const b of foldedBriefs(s.briefs)) {
    // Names and aliases, not acronyms: a short query is close to every acronym.
    const d = Math.min(...[foldText(b.name), ...b.aliases].map((n) => editDistance(q, n, 6)));
    scored.push({ text: b.name, d });
  }
  const terms = foldTokens(query).flatMap((w) => s.index.suggest(w, 3));
  const out = [
    ...scored.sort((a, b) => a.d - b.d).filter((x) => x.d <= 4).map((x) => x.text),
    ...terms,
  ];
  if (out.length === 0) out.push(...s.briefs.slice(0, 5).map((b) => b.name));
  return [...new Set(out)].slice(0, 5);
}

/** Topics and entities that would narrow the remaining results. */
export function refineHints(s: EngineServices, plan: QueryPlan, rest: readonly StoredArticle[]): string[] {
  if (rest.length === 0) return [];
  const counts = new Map<string, number>();
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  const names = new Map(s.briefs.map((b) => [b.id, b.name]));
  for (const a of rest.slice(0, 200)) {
    for (const t of a.topics) if (!plan.briefIds.includes(t)) bump(names.get(t) ?? t);
    // Only a one-word entity can repeat one of the user's words.
    for (const e of a.entities.slice(0, 5)) if (e.name.includes(' ') || !plan.words.includes(foldWord(e.name))) bump(e.name);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k]) => k);
}
