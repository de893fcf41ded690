// Who asked, and where a reply or a roundup goes. Adapters fill these in.

export type Platform = 'slack' | 'discord' | 'shell';

export interface Actor {
  platform: Platform;
  /** Platform user id (Slack U…, Discord snowflake, shell user name). */
  id: string;
  displayName?: string;
  /** Decided by the adapter (workspace admin, ManageGuild, config allow-list). */
  isAdmin: boolean;
}

/** A channel on a platform: where a command was typed and where roundups go. */
export interface ChannelRef {
  platform: Platform;
  /** Slack team id, Discord guild id, "local" for the shell. */
  workspace: string;
  channel: string;
}

export interface CommandContext {
  actor: Actor;
  channel?: ChannelRef;
}
