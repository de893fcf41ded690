// Reads every briefs/*.yaml at start. A broken file stops the start with a
// message naming the file and the field, rather than silently losing a topic.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { RingkasError } from '../errors.js';
import { readYamlFile } from '../text/read-yaml-file.js';
import { briefFileSchema, type Brief } from './brief-schema.js';

export function loadBriefs(dir: string): Brief[] {
  let files: string[];
  try {
    // Files starting with "_" describe the briefing itself (its scope), not a topic.
    files = readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f) && !f.startsWith('_')).sort();
  } catch (cause) {
    throw new RingkasError('bad_input', `Briefs folder ${dir} cannot be read.`, { cause });
  }
  const briefs = files.map((file) => loadBrief(path.join(dir, file)));
  const seen = new Set<string>();
  for (const b of briefs) {
    if (seen.has(b.id)) throw new RingkasError('bad_input', `Two briefs share the id "${b.id}" in ${dir}.`);
    seen.add(b.id);
  }
  return briefs;
}

function loadBrief(file: string): Brief {
  const data = readYamlFile(file, briefFileSchema, 'Brief');
  const id = path.basename(file).replace(/\.ya?ml$/i, '').toLowerCase();
  return { id, ...data };
}

/** Acronym (upper case) -> long form, from every brief. */
export function briefAcronyms(briefs: readonly Brief[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const b of briefs) for (const [k, v] of Object.entries(b.acronyms)) map.set(k.toUpperCase(), v);
  return map;
}

/** What the summariser learns from the briefs: acronym long forms and topic phrases. */
export function briefGlossary(briefs: readonly Brief[]): { acronyms: Map<string, string>; topicTerms: string[] } {
  return { acronyms: briefAcronyms(briefs), topicTerms: briefs.flatMap((b) => [...b.aliases.en, ...b.aliases.id]) };
}
