// The engine's Deliverer port for Slack: posts a Reply (e.g. a weekly roundup) to a
// channel with chat.postMessage and sorts failures into "try later" (transient) and
// "someone must act" (permanent) so the scheduler neither gives up early nor retries forever.
import type { ChannelRef } from '../../src/model/actor.js';
import type { Deliverer, DeliveryFailure, DeliveryResult } from '../../src/model/delivery.js';
import type { Reply } from '../../src/model/reply.js';
import type { Logger } from '../../src/logger.js';
import { renderReply } from './slack-blocks.js';
import { errorCode } from './slack-admin.js';
import type { SlackBlock } from './block-kit.js';

export interface PostMessageClient {
  chat: {
    postMessage(args: { channel: string; text: string; blocks: SlackBlock[]; unfurl_links?: boolean }): Promise<{ ts?: string }>;
  };
}

/** Slack errors that no retry will fix. */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'missing_scope',
  'not_authed',
  'invalid_auth',
  'token_revoked',
  'token_expired',
  'no_permission',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'team_access_not_granted',
  'ekm_access_denied',
  'org_login_required',
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'no_text',
  'too_many_attachments',
  'channel_is_archived',
]);

/** Slack errors that mean "busy, try again". */
const TRANSIENT = new Set(['ratelimited', 'rate_limited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

export function classifySlackError(error: unknown): DeliveryFailure {
  const code = (error as { code?: string } | null)?.code;
  const reason = errorCode(error);
  if (code === 'slack_webapi_platform_error') {
    if (TRANSIENT.has(reason)) return { kind: 'transient', reason };
    // Unknown platform errors are answers about this request; repeating it will not help.
    return { kind: 'permanent', reason: PERMANENT.has(reason) ? reason : `slack_error:${reason}` };
  }
  if (code === 'slack_webapi_http_error') {
    const status = (error as { statusCode?: number }).statusCode ?? 0;
    return status >= 500 || status === 429 ? { kind: 'transient', reason: `http_${status}` } : { kind: 'permanent', reason: `http_${status}` };
  }
  if (code === 'slack_webapi_rate_limited_error') return { kind: 'transient', reason: 'ratelimited' };
  // Network errors (slack_webapi_request_error) and anything unexpected: try again later.
  return { kind: 'transient', reason: code ?? reason };
}

export class SlackDeliverer implements Deliverer {
  readonly platform = 'slack' as const;

  constructor(
    private readonly client: PostMessageClient,
    private readonly logger: Logger,
    private readonly command = '/brief',
  ) {}

  async deliver(target: ChannelRef, reply: Reply): Promise<DeliveryResult> {
    if (target.platform !== 'slack') return { ok: false, failure: { kind: 'permanent', reason: 'wrong_platform' } };
    const message = renderReply(reply, { command: this.command });
    try {
      const answer = await this.client.chat.postMessage({ channel: target.channel, ...message, unfurl_links: false });
      this.logger.info({ event: 'slack_delivered', channel: target.channel, kind: reply.kind }, 'delivered');
      return answer.ts ? { ok: true, messageId: answer.ts } : { ok: true };
    } catch (error) {
      const failure = classifySlackError(error);
      this.logger.warn({ event: 'slack_delivery_failed', channel: target.channel, ...failure }, 'delivery failed');
      return { ok: false, failure };
    }
  }
}
