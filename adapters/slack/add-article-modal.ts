// "/brief add" with no argument: a modal for pasting an article (title, source, link,
// date, text up to 3000 characters). The submission becomes the engine's typed
// `add` command; the result goes back to the user as an ephemeral message (or a DM).
import type { App, RespondFn } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../src/logger.js';
import type { ChannelRef } from '../../src/model/actor.js';
import type { AddInput } from '../../src/model/command.js';
import type { Reply } from '../../src/model/reply.js';
import { errorCode } from './slack-admin.js';
import { renderReply } from './slack-blocks.js';
import { slackChannel, slackContext, type SlackDeps } from './slack-deps.js';
import { viewSubmissionPayload, type ViewSubmissionPayload } from './slack-payloads.js';

export const ADD_VIEW_ID = 'ringkas_add_article';
export const MAX_ARTICLE_TEXT = 3000;

const input = (block: string, label: string, element: Record<string, unknown>, optional: boolean, hint?: string) => ({
  type: 'input',
  block_id: block,
  optional,
  label: { type: 'plain_text', text: label },
  element: { action_id: 'value', ...element },
  ...(hint ? { hint: { type: 'plain_text', text: hint } } : {}),
});

export function addArticleView(channel: ChannelRef): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: ADD_VIEW_ID,
    title: { type: 'plain_text', text: 'Add an article' },
    submit: { type: 'plain_text', text: 'Add' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify({ team: channel.workspace, channel: channel.channel }),
    blocks: [
      input('title', 'Title', { type: 'plain_text_input', max_length: 300 }, true, 'Leave empty to use the first line.'),
      input('source', 'Source', { type: 'plain_text_input', max_length: 200, placeholder: { type: 'plain_text', text: 'e.g. Antara, Kompas, Nikkei' } }, true),
      input('link', 'Link', { type: 'url_text_input' }, true),
      input('date', 'Published on', { type: 'datepicker' }, true),
      input('text', 'Article text', { type: 'plain_text_input', multiline: true, min_length: 1, max_length: MAX_ARTICLE_TEXT }, false),
    ],
  };
}

export interface ModalClient {
  views: { open(args: { trigger_id: string; view: never }): Promise<unknown> };
}

export async function openAddArticleModal(args: { client: ModalClient; triggerId: string; channel: ChannelRef; respond: RespondFn; logger: Logger }): Promise<void> {
  try {
    await args.client.views.open({ trigger_id: args.triggerId, view: addArticleView(args.channel) as never });
  } catch (error) {
    args.logger.warn({ event: 'slack_modal_failed', code: errorCode(error) }, 'views.open failed');
    await args.respond({ response_type: 'ephemeral', text: 'Sorry, I could not open the form. You can also use "/brief add <link>".' });
  }
}

const optionalText = z.string().trim().max(300).optional().transform((v) => (v ? v : undefined));
const submission = z.object({
  title: optionalText,
  source: z.string().trim().max(200).optional().transform((v) => (v ? v : undefined)),
  link: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^https?:\/\/[^\s]+$/i.test(v), 'Use an http or https link.'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Pick a date.').optional(),
  text: z.string().trim().min(1, 'Paste the article text.').max(MAX_ARTICLE_TEXT, `At most ${MAX_ARTICLE_TEXT} characters.`),
});

/** The typed add input, or per-block errors for Slack to show in the form. */
export function parseAddSubmission(values: ViewSubmissionPayload['view']['state']['values']): { ok: true; input: AddInput } | { ok: false; errors: Record<string, string> } {
  const field = (block: string) => {
    const v = values[block]?.value;
    return (v?.value ?? v?.selected_date ?? undefined) || undefined;
  };
  const parsed = submission.safeParse({ title: field('title'), source: field('source'), link: field('link'), date: field('date'), text: field('text') });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'text')] ??= issue.message;
    return { ok: false, errors };
  }
  const d = parsed.data;
  return {
    ok: true,
    input: {
      kind: 'text',
      text: d.text,
      ...(d.title ? { title: d.title } : {}),
      ...(d.source ? { source: d.source } : {}),
      ...(d.link ? { link: d.link } : {}),
      ...(d.date ? { publishedDate: d.date } : {}),
    },
  };
}

const metadata = z.object({ team: z.string().regex(/^[A-Za-z0-9]{1,40}$/), channel: z.string().regex(/^[A-Z0-9]{1,40}$/) });

export function registerAddArticleModal(app: App, deps: SlackDeps): void {
  app.view(ADD_VIEW_ID, async ({ ack, body, client }) => {
    const parsed = viewSubmissionPayload.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn({ event: 'slack_bad_payload', kind: 'view' }, 'malformed view submission');
      await ack({ response_action: 'errors', errors: { text: 'Sorry, I could not read this form. Please try again.' } });
      return;
    }
    const p = parsed.data;
    const fields = parseAddSubmission(p.view.state.values);
    if (!fields.ok) {
      await ack({ response_action: 'errors', errors: fields.errors });
      return;
    }
    await ack();
    if (!(await deps.deliveries.firstTime(`view:${p.view.id}`))) return;
    const meta = metadata.safeParse(safeJson(p.view.private_metadata));
    const channel = meta.success ? slackChannel(meta.data.team, meta.data.channel) : null;
    // Admin is checked again here: the form could be submitted by anyone who got a view id.
    const ctx = await slackContext(deps, { id: p.user.id, name: p.user.name }, channel ?? slackChannel(p.team?.id, p.user.id), true);
    const reply = await deps.engine.execute({ name: 'add', input: fields.input }, ctx).catch((error: unknown): Reply => {
      deps.logger.error({ event: 'slack_modal_add_failed', err: error }, 'add from the form failed');
      return { kind: 'message', tone: 'error', text: 'Sorry, the article could not be added. Please try again in a moment.' };
    });
    const message = renderReply(reply, { command: deps.command });
    try {
      if (!channel) throw new Error('no channel');
      await client.chat.postEphemeral({ channel: channel.channel, user: p.user.id, text: message.text, blocks: message.blocks });
    } catch {
      // Not in that channel (or it is gone): a DM from the app still reaches the admin.
      await client.chat.postMessage({ channel: p.user.id, text: message.text, blocks: message.blocks }).catch((error: unknown) => {
        deps.logger.warn({ event: 'slack_add_result_undelivered', code: errorCode(error) }, 'could not tell the admin the add result');
      });
    }
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
