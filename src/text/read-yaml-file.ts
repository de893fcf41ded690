// Reads one of the project's YAML data files (briefs, scope, lexicon) and checks it
// with its zod schema; a broken file stops the start with a message naming the file
// and the first field that is wrong.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { RingkasError } from '../errors.js';

/** `label` names the kind of file in messages ("Brief", "Scope", "Lexicon"). */
export function readYamlFile<S extends z.ZodType>(file: string, schema: S, label: string): z.infer<S> {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new RingkasError('bad_input', `${label} ${file} is not valid YAML.`, { cause });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RingkasError('bad_input', `${label} ${file}: ${issue.path.join('.') || 'file'} ${issue.message}.`);
  }
  return parsed.data;
}
