// zod schemas for the parts of Slack payloads the adapter reads. Bolt has verified
// the signature by now; these check the shape, so handlers can trust their types.
import { z } from 'zod';

/** Slack ids (U…, C…, T…) are upper-case letters and digits; this also keeps them safe inside <@…>. */
const id = z.string().regex(/^[A-Z0-9]{1,40}$/);

export const slashCommandPayload = z.object({
  command: z.string(),
  text: z.string().max(10_000).default(''),
  user_id: id,
  user_name: z.string().optional(),
  team_id: id,
  channel_id: id,
  trigger_id: z.string().min(1).max(255),
  response_url: z.string().url(),
});
export type SlashCommandPayload = z.infer<typeof slashCommandPayload>;

export const shareActionPayload = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id, name: z.string().optional(), username: z.string().optional() }),
  team: z.object({ id }).nullable().optional(),
  channel: z.object({ id }),
  response_url: z.string().url().optional(),
  actions: z
    .array(z.object({ action_id: z.string(), value: z.string().max(2000).optional(), action_ts: z.string() }))
    .min(1),
});
export type ShareActionPayload = z.infer<typeof shareActionPayload>;

const inputValue = z.object({
  type: z.string(),
  value: z.string().nullable().optional(),
  selected_date: z.string().nullable().optional(),
});

export const viewSubmissionPayload = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id, name: z.string().optional(), username: z.string().optional() }),
  team: z.object({ id }).nullable().optional(),
  view: z.object({
    id: z.string().min(1),
    callback_id: z.string(),
    private_metadata: z.string().default(''),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), inputValue)) }),
  }),
});
export type ViewSubmissionPayload = z.infer<typeof viewSubmissionPayload>;

/**
 * Slack sends `&`, `<`, `>` in command text as entities; the engine wants what the user typed.
 * `&amp;` goes last so "&amp;lt;" becomes "&lt;", not "<".
 */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
