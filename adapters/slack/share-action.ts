// The "Share in channel" button. Its value is only the look-up text; clicking it
// re-runs that look-up for the clicking user (never trusting cards carried in the
// payload) and posts the result to the channel with chat.postMessage, saying who shared.
import type { App } from '@slack/bolt';
import type { Command } from '../../src/model/command.js';
import type { Reply } from '../../src/model/reply.js';
import { LIMITS, context, type SlackBlock, type SlackMessage } from './block-kit.js';
import { errorCode } from './slack-admin.js';
import { truncateEscaped } from './slack-escape.js';
import { renderReply } from './slack-blocks.js';
import { slackChannel, slackContext, type SlackDeps } from './slack-deps.js';
import { shareActionPayload, type ShareActionPayload } from './slack-payloads.js';
import type { PostMessageClient } from './slack-deliverer.js';

export const SHARE_ACTION_ID = 'share_in_channel';

/** Answers worth a button: results, not a "nothing found" or an error sentence. */
const SHAREABLE_REPLIES = new Set<Reply['kind']>(['cards', 'topics', 'articles']);

/** Only commands the registry marks shareable (read-only): a forged button value must never add or remove anything. */
export function isShareable(deps: Pick<SlackDeps, 'shareable'>, command: Command, reply: Reply): boolean {
  return deps.shareable.has(command.name) && SHAREABLE_REPLIES.has(reply.kind);
}

export function withShareButton(message: SlackMessage, text: string): SlackMessage {
  if (text.length === 0 || text.length > LIMITS.buttonValue) return message;
  const button: SlackBlock = {
    type: 'actions',
    elements: [{ type: 'button', text: { type: 'plain_text', text: 'Share in channel' }, action_id: SHARE_ACTION_ID, value: text }],
  };
  return { ...message, blocks: [...message.blocks, button] };
}

const NOT_MEMBER = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

export function registerShareAction(app: App, deps: SlackDeps): void {
  // Link buttons ("Open article") also send an interaction; acknowledge and do nothing.
  app.action(/^open_article_/, async ({ ack }) => {
    await ack();
  });

  app.action(SHARE_ACTION_ID, async ({ ack, body, client, respond }) => {
    await ack();
    const parsed = shareActionPayload.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn({ event: 'slack_bad_payload', kind: 'share' }, 'malformed share payload');
      return;
    }
    const p = parsed.data;
    const action = p.actions[0]!;
    if (!(await deps.deliveries.firstTime(`share:${p.user.id}:${action.action_ts}`))) return;

    const command = deps.engine.parse(action.value ?? '');
    if (!command.ok || !deps.shareable.has(command.command.name)) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'Sorry, that cannot be shared.' });
      return;
    }
    try {
      await postShare(deps, client as unknown as PostMessageClient, p, command.command);
      await respond({ delete_original: true });
    } catch (error) {
      const code = errorCode(error);
      deps.logger.warn({ event: 'slack_share_failed', channel: p.channel.id, code, err: error }, 'share failed');
      const text = NOT_MEMBER.has(code)
        ? 'I cannot post in this channel yet: invite me with /invite, then press Share again.'
        : 'Sorry, sharing failed. Please try again in a moment.';
      await respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
    }
  });
}

/** Re-runs the look-up as the clicking user and posts it to the channel. */
async function postShare(deps: SlackDeps, client: PostMessageClient, p: ShareActionPayload, command: Command): Promise<void> {
  const ctx = await slackContext(deps, { id: p.user.id, name: p.user.name }, slackChannel(p.team?.id, p.channel.id), false);
  const reply = await deps.lane.run(() => deps.engine.execute(command, ctx));
  const message = renderReply(reply, { command: deps.command, reserveBlocks: 1 });
  await client.chat.postMessage({
    channel: p.channel.id,
    text: truncateEscaped(`<@${p.user.id}> shared: ${message.text}`, LIMITS.fallbackText),
    blocks: [context(`Shared by <@${p.user.id}>`), ...message.blocks],
    unfurl_links: false,
  });
  deps.logger.info({ event: 'slack_shared', channel: p.channel.id, command: command.name }, 'shared in channel');
}
