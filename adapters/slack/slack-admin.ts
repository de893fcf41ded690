// Who is an admin on Slack: the config allow-list, or a workspace admin/owner per
// users.info. Answers are cached for a few minutes so a busy channel does not spend
// its 3-second ack on the Web API; any failure denies (and is not cached).
import { z } from 'zod';
import type { Clock } from '../../src/clock.js';
import type { Logger } from '../../src/logger.js';

/** The one Web API call this needs, so tests and Bolt's client both fit. */
export interface UsersInfoClient {
  users: { info(args: { user: string }): Promise<unknown> };
}

const usersInfoAnswer = z.object({
  ok: z.literal(true),
  user: z.object({
    is_admin: z.boolean().optional(),
    is_owner: z.boolean().optional(),
    is_primary_owner: z.boolean().optional(),
    deleted: z.boolean().optional(),
  }),
});

export interface SlackAdminOptions {
  /** The engine's allow-list check (RINGKAS_ADMINS): such a user needs no users.info call. */
  isConfiguredAdmin(userId: string): boolean;
  client: UsersInfoClient;
  clock: Clock;
  logger: Logger;
  ttlMs?: number;
  /** users.info slower than this counts as a failure, so the ack deadline holds. */
  timeoutMs?: number;
}

export class SlackAdmins {
  private readonly cache = new Map<string, { admin: boolean; until: number }>();
  private readonly ttlMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: SlackAdminOptions) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.timeoutMs = options.timeoutMs ?? 1500;
  }

  async isAdmin(userId: string): Promise<boolean> {
    if (this.options.isConfiguredAdmin(userId)) return true;
    const now = this.options.clock.now().getTime();
    const cached = this.cache.get(userId);
    if (cached && cached.until > now) return cached.admin;
    const admin = await this.lookUp(userId);
    if (admin !== null) this.cache.set(userId, { admin, until: now + this.ttlMs });
    return admin ?? false;
  }

  /** true/false from Slack, null when Slack could not say. */
  private async lookUp(userId: string): Promise<boolean | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    try {
      const answer = await Promise.race([this.options.client.users.info({ user: userId }), timeout]);
      if (answer === 'timeout') {
        this.options.logger.warn({ event: 'slack_users_info_timeout', userId }, 'users.info too slow; denying admin');
        return null;
      }
      const parsed = usersInfoAnswer.safeParse(answer);
      if (!parsed.success) return null;
      const u = parsed.data.user;
      return !u.deleted && Boolean(u.is_admin || u.is_owner || u.is_primary_owner);
    } catch (error) {
      this.options.logger.warn({ event: 'slack_users_info_failed', userId, err: errorCode(error) }, 'users.info failed; denying admin');
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Slack's error code (e.g. "user_not_found") or the error's name, never a token. */
export function errorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  if (data && typeof data.error === 'string') return data.error;
  if (error instanceof Error) return (error as { code?: string }).code ?? error.name;
  return 'unknown';
}
