// A topic brief as an admin writes it in briefs/<id>.yaml, validated at load.
import { z } from 'zod';

const alias = z.string().trim().min(1).max(120);

export const briefFileSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().min(1).max(300),
  aliases: z.strictObject({
    en: z.array(alias).default([]),
    id: z.array(alias).default([]),
  }),
  acronyms: z.record(z.string().regex(/^[A-Za-z0-9-]{2,12}$/, 'acronym keys are 2-12 letters or digits'), z.string().min(2).max(200)).default({}),
});

export interface Brief {
  /** The file name without extension: stable, used in subscriptions and topic filters. */
  id: string;
  name: string;
  description: string;
  aliases: { en: string[]; id: string[] };
  acronyms: Record<string, string>;
}
