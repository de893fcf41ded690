// What every Slack handler needs, built once in create-slack-app.ts.
import type { Engine } from '../../src/engine.js';
import type { Logger } from '../../src/logger.js';
import type { ChannelRef, CommandContext } from '../../src/model/actor.js';
import type { CommandName } from '../../src/model/command.js';
import type { EngineLane } from './engine-lane.js';
import type { RecentDeliveries } from './recent-deliveries.js';
import type { SlackAdmins } from './slack-admin.js';

/** The part of the engine facade the Slack adapter uses (a proxy or the real Engine). */
export type SlackEngine = Pick<Engine, 'parse' | 'execute' | 'isSlow' | 'commands' | 'isConfiguredAdmin' | 'firstTime'>;

export interface SlackDeps {
  engine: SlackEngine;
  admins: SlackAdmins;
  deliveries: RecentDeliveries;
  logger: Logger;
  /** The slash command as registered, e.g. "/brief". */
  command: string;
  /** Past this, a fast command is acknowledged first and answered through respond(). */
  ackDeadlineMs: number;
  /** When the lane's wait estimate exceeds this, ack first instead of answering in the ack. */
  inAckBudgetMs: number;
  lane: EngineLane;
  /** Commands the registry marks admin-only: only these need a users.info look-up. */
  adminCommands: ReadonlySet<CommandName>;
  /** Commands the registry marks shareable: the only ones a Share button may carry. */
  shareable: ReadonlySet<CommandName>;
}

export function slackChannel(team: string | undefined | null, channel: string): ChannelRef {
  return { platform: 'slack', workspace: team ?? 'unknown', channel };
}

export async function slackContext(
  deps: SlackDeps,
  user: { id: string; name?: string | undefined },
  channel: ChannelRef,
  needsAdmin: boolean,
): Promise<CommandContext> {
  const isAdmin = needsAdmin ? await deps.admins.isAdmin(user.id) : false;
  return { actor: { platform: 'slack', id: user.id, ...(user.name ? { displayName: user.name } : {}), isAdmin }, channel };
}
