// Typed engine commands. Text is parsed once (src/commands/parse-command.ts);
// adapters with structured options (Discord) build these directly.

export type AddInput =
  | { kind: 'text'; text: string; title?: string; source?: string; link?: string; publishedDate?: string }
  | { kind: 'url'; url: string }
  | { kind: 'file'; filename: string; content: string; link?: string };

export interface ScheduleInput {
  /** 1 = Monday … 7 = Sunday (ISO weekday). */
  weekday?: number;
  /** "HH:MM", 24-hour, local to `timezone`. */
  time?: string;
  /** IANA zone, e.g. Asia/Jakarta. */
  timezone?: string;
  /** Brief ids to filter on; empty means everything. */
  topics?: string[];
  /** What a week with nothing new posts: one short line (default), or nothing. */
  quietWeeks?: 'post' | 'skip';
}

export type Command =
  | { name: 'brief'; query: string }
  | { name: 'help' }
  | { name: 'topics' }
  | { name: 'list'; page: number }
  | { name: 'add'; input: AddInput }
  | { name: 'remove'; id: string }
  | { name: 'subscribe'; schedule: ScheduleInput }
  | { name: 'unsubscribe' }
  | { name: 'subscriptions' }
  | { name: 'resume' }
  | { name: 'roundup' }
  | { name: 'feed'; action: 'add'; url: string; everyMinutes: number; all: boolean }
  | { name: 'feed'; action: 'remove' | 'pause' | 'resume' | 'check'; id: string }
  | { name: 'feeds' }
  | { name: 'sources' };

export type CommandName = Command['name'];
export type CommandOf<N extends CommandName> = Extract<Command, { name: N }>;
