// The one slash command (/brief …) for every engine command. Answers are ephemeral,
// with a Share button for look-ups. Fast commands are answered in the ack; slow ones
// (engine.isSlow) and anything that overruns the deadline are acked first, then
// answered through respond(), so Slack always gets its ack within 3 seconds.
import type { App, RespondFn } from '@slack/bolt';
import type { Command } from '../../src/model/command.js';
import type { Reply } from '../../src/model/reply.js';
import type { SlackMessage } from './block-kit.js';
import { openAddArticleModal, type ModalClient } from './add-article-modal.js';
import { withShareButton, isShareable } from './share-action.js';
import { renderReply } from './slack-blocks.js';
import { slackChannel, slackContext, type SlackDeps } from './slack-deps.js';
import { slashCommandPayload, unescapeSlackText, type SlashCommandPayload } from './slack-payloads.js';

const WORKING = 'Working on it…';
const OOPS = 'Sorry, something went wrong on our side and it has been logged. Please try again in a moment.';

type AckFn = (response?: { response_type: 'ephemeral'; text: string; blocks?: SlackMessage['blocks'] }) => Promise<void>;

export function registerCommand(app: App, deps: SlackDeps): void {
  app.command(deps.command, async ({ command, ack, respond, client }) => {
    // Slack's 3 s count from the request, not from our handler's later steps: the ack deadline does too.
    const received = performance.now();
    const parsed = slashCommandPayload.safeParse(command);
    if (!parsed.success) {
      deps.logger.warn({ event: 'slack_bad_payload', kind: 'command' }, 'malformed slash command payload');
      await ack({ response_type: 'ephemeral', text: 'Sorry, I could not read that command.' });
      return;
    }
    const body = parsed.data;
    if (!(await deps.deliveries.firstTime(`command:${body.trigger_id}`))) {
      await ack();
      return;
    }
    let acked = false;
    const once: AckFn = async (response) => {
      acked = true;
      await (ack as AckFn)(response);
    };
    try {
      await handle(body, deps, once, respond, client as unknown as ModalClient, received);
    } catch (error) {
      // Whatever went wrong, the user gets one sentence; the log gets the detail.
      deps.logger.error({ event: 'slack_command_failed', err: error }, 'slash command failed');
      if (!acked) await once({ response_type: 'ephemeral', text: OOPS });
      else await respond({ response_type: 'ephemeral', text: OOPS }).catch(() => undefined);
    }
  });
}

async function handle(body: SlashCommandPayload, deps: SlackDeps, ack: AckFn, respond: RespondFn, client: ModalClient, received: number): Promise<void> {
  const text = withoutCommandName(unescapeSlackText(body.text).trim(), deps.command);
  const channel = slackChannel(body.team_id, body.channel_id);
  const user = { id: body.user_id, name: body.user_name };

  const parsed = deps.engine.parse(text);
  if (!parsed.ok && parsed.needsInput === 'add') {
    // "add" with nothing after it: the form asks for the article.
    const ctx = await slackContext(deps, user, channel, true);
    if (!ctx.actor.isAdmin) {
      // The engine refuses and records the attempt; nothing changes.
      const refusal = await deps.engine.execute({ name: 'add', input: { kind: 'text', text: '' } }, ctx);
      await ack(ephemeral(refusal, deps));
      return;
    }
    await ack();
    await openAddArticleModal({ client, triggerId: body.trigger_id, channel, respond, logger: deps.logger });
    return;
  }

  if (!parsed.ok) {
    await ack(ephemeral(parsed.reply, deps));
    return;
  }
  const admin = deps.adminCommands.has(parsed.command.name);
  const ctx = await slackContext(deps, user, channel, admin);
  const slow = deps.engine.isSlow(parsed.command);
  const expectedMs = deps.lane.estimatedMs();
  // Slow and admin commands wait on I/O (fetch, store writes), so they skip the lane.
  const running = slow || admin ? deps.engine.execute(parsed.command, ctx) : deps.lane.run(() => deps.engine.execute(parsed.command, ctx));

  if (slow || expectedMs > deps.inAckBudgetMs) {
    await ack({ response_type: 'ephemeral', text: WORKING });
    await respond({ ...ephemeral(await running, deps, parsed.command, text), replace_original: true });
    return;
  }
  // The de-dup ledger (a database round trip when instances share one) and the admin check already spent part of it.
  const reply = await beforeDeadline(running, deps.ackDeadlineMs - (performance.now() - received));
  if (reply) {
    await ack(ephemeral(reply, deps, parsed.command, text));
    return;
  }
  deps.logger.warn({ event: 'slack_ack_deadline', command: parsed.command.name }, 'command overran the ack deadline; answering via response_url');
  await ack({ response_type: 'ephemeral', text: WORKING });
  await respond({ ...ephemeral(await running, deps, parsed.command, text), replace_original: true });
}

/** The reply, rendered ephemeral; look-ups get a Share button carrying the text to re-run. */
function ephemeral(reply: Reply, deps: SlackDeps, command?: Command, text?: string): SlackMessage & { response_type: 'ephemeral' } {
  const share = command && text && isShareable(deps, command, reply);
  const message = renderReply(reply, { command: deps.command, reserveBlocks: share ? 1 : 0 });
  return { response_type: 'ephemeral', ...(share ? withShareButton(message, text) : message) };
}

/** "/brief /brief ijepa" (the command typed twice) reads as "/brief ijepa". */
function withoutCommandName(text: string, command: string): string {
  const lower = text.toLowerCase();
  const name = command.toLowerCase();
  return lower === name || lower.startsWith(`${name} `) ? text.slice(command.length).trim() : text;
}

async function beforeDeadline<T>(work: Promise<T>, ms: number): Promise<T | null> {
  if (ms <= 0) return null;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
