// The project's copy of the seed labels (seeds/labels.json), typed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './temp-engine.js';

export interface Labels {
  articles: Record<string, { language: 'id' | 'en'; source: string | null; event_date: string; title: string | null; key_points: string[]; key_facts: string[] }>;
  stories: string[][];
  queries: Record<string, string[]>;
  boilerplate_never_on_a_card: string[];
}

export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');
export const labels: Labels = JSON.parse(readFileSync(path.join(SEEDS_DIR, 'labels.json'), 'utf8')) as Labels;
