// The slash commands Ringkas registers (/brief, /brief-admin) and the mapping from their
// options to neutral engine commands. Option values are validated here, at the boundary.
import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { Command, ScheduleInput } from '../../src/model/command.js';
import { RingkasError } from '../../src/errors.js';

export const BRIEF = 'brief';
export const BRIEF_ADMIN = 'brief-admin';
export const TOPIC_OPTION = 'topic';
export const ADMIN_SUBCOMMANDS = [
  'add', 'remove', 'subscribe', 'unsubscribe', 'subscriptions', 'resume', 'roundup',
  'feed-add', 'feeds', 'feed-remove', 'feed-pause', 'feed-resume', 'feed-check',
] as const;
export type AdminSubcommand = (typeof ADMIN_SUBCOMMANDS)[number];

const FEED_EVERY: Record<string, number> = { '30m': 30, '1h': 60, '6h': 360, '1d': 1440 };
const FEED_ID_ACTIONS = { 'feed-remove': 'remove', 'feed-pause': 'pause', 'feed-resume': 'resume', 'feed-check': 'check' } as const;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const brief = new SlashCommandBuilder()
    .setName(BRIEF)
    .setDescription('Briefing cards on a topic, organisation or programme (e.g. IJEPA)')
    .addStringOption((o) =>
      o.setName(TOPIC_OPTION).setDescription('A topic, name or keywords; "help" lists what I can do').setRequired(true).setMaxLength(200).setAutocomplete(true),
    );

  const admin = new SlashCommandBuilder()
    .setName(BRIEF_ADMIN)
    .setDescription('Manage Ringkas articles and weekly roundups (Manage Server)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Add an article from a link, pasted text or an uploaded .txt/.md/.html file (max 1 MB)')
        .addStringOption((o) => o.setName('url').setDescription('Link to the article').setMaxLength(2000))
        .addStringOption((o) => o.setName('text').setDescription('The article text').setMaxLength(6000))
        .addAttachmentOption((o) => o.setName('file').setDescription('A .txt, .md or .html file up to 1 MB'))
        .addStringOption((o) => o.setName('title').setDescription('Headline, if the text has none').setMaxLength(300))
        .addStringOption((o) => o.setName('source').setDescription('Publisher, e.g. Kompas').setMaxLength(100)),
    )
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Remove a stored article by its id')
        .addStringOption((o) => o.setName('id').setDescription('Article id, shown in the card footer').setRequired(true).setMaxLength(64)),
    )
    .addSubcommand((s) =>
      s
        .setName('subscribe')
        .setDescription('Post a weekly roundup in this channel')
        .addIntegerOption((o) =>
          o.setName('weekday').setDescription('Day of the week').addChoices(...WEEKDAYS.map((name, i) => ({ name, value: i + 1 }))),
        )
        .addStringOption((o) => o.setName('time').setDescription('Time of day, 24-hour HH:MM (e.g. 08:00)').setMaxLength(5))
        .addStringOption((o) => o.setName('timezone').setDescription('IANA timezone, e.g. Asia/Jakarta').setMaxLength(64))
        .addStringOption((o) => o.setName('topics').setDescription('Comma-separated topics to include (default: all)').setMaxLength(500)),
    )
    .addSubcommand((s) => s.setName('unsubscribe').setDescription("Stop this channel's weekly roundup"))
    .addSubcommand((s) => s.setName('subscriptions').setDescription('List the weekly roundups of this server'))
    .addSubcommand((s) => s.setName('resume').setDescription("Resume this channel's paused roundup"))
    .addSubcommand((s) => s.setName('roundup').setDescription('Preview the roundup this channel would get now'))
    .addSubcommand((s) =>
      s
        .setName('feed-add')
        .setDescription('Follow an RSS, Atom or JSON feed, a sitemap, or a site page that names its feed')
        .addStringOption((o) => o.setName('url').setDescription('Feed, sitemap or site page address').setRequired(true).setMaxLength(2000))
        .addStringOption((o) =>
          o.setName('every').setDescription('How often to check (default 1h)').addChoices(...Object.keys(FEED_EVERY).map((k) => ({ name: k, value: k }))),
        )
        .addStringOption((o) =>
          o
            .setName('take')
            .setDescription('Which items to add (default: those matching the briefs)')
            .addChoices({ name: 'matching the briefs', value: 'matching' }, { name: 'all items', value: 'all' }),
        ),
    )
    .addSubcommand((s) => s.setName('feeds').setDescription('Followed feeds: state, last check, added and skipped this week'));
  for (const [name, verb] of Object.entries(FEED_ID_ACTIONS)) {
    admin.addSubcommand((s) =>
      s
        .setName(name)
        .setDescription(`${verb[0]!.toUpperCase()}${verb.slice(1)} a followed feed`)
        .addStringOption((o) => o.setName('id').setDescription('Feed id, shown by /brief-admin feeds').setRequired(true).setMaxLength(40)),
    );
  }

  return [brief.toJSON(), admin.toJSON()];
}

/** The option values of one /brief-admin invocation, read from the interaction. */
export interface AdminOptions {
  subcommand: string;
  string(name: string): string | null;
  integer(name: string): number | null;
}

const scheduleSchema = z.object({
  weekday: z.number().int().min(1).max(7).optional(),
  time: z
    .string()
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time like 08:00.')
    .optional(),
  timezone: z.string().min(1).optional(),
  topics: z.array(z.string().min(1)).optional(),
});

function optional<T>(v: T | null): T | undefined {
  return v === null ? undefined : v;
}

/** Builds the engine command for every subcommand except `add` with a file (that needs a download). */
export function adminCommand(o: AdminOptions): Command {
  switch (o.subcommand) {
    case 'add':
      return addCommand(o);
    case 'remove':
      return { name: 'remove', id: (o.string('id') ?? '').trim() };
    case 'subscribe':
      return { name: 'subscribe', schedule: schedule(o) };
    case 'feed-add':
      return feedAdd(o);
    case 'feed-remove':
    case 'feed-pause':
    case 'feed-resume':
    case 'feed-check':
      return { name: 'feed', action: FEED_ID_ACTIONS[o.subcommand], id: (o.string('id') ?? '').trim().toLowerCase() };
    case 'feeds':
      return { name: 'feeds' };
    case 'unsubscribe':
    case 'subscriptions':
    case 'resume':
    case 'roundup':
      return { name: o.subcommand };
    default:
      throw new RingkasError('bad_input', 'I do not know that command; try /brief topic:help.');
  }
}

function feedAdd(o: AdminOptions): Command {
  const url = (o.string('url') ?? '').trim();
  if (!/^https?:\/\/\S+$/i.test(url)) throw new RingkasError('bad_input', 'Give a full http(s) address of a feed, a sitemap or a site page that names its feed.');
  return { name: 'feed', action: 'add', url, everyMinutes: FEED_EVERY[o.string('every') ?? '1h'] ?? 60, all: o.string('take') === 'all' };
}

function addCommand(o: AdminOptions): Command {
  const url = optional(o.string('url'))?.trim();
  const text = optional(o.string('text'));
  const given = [url, text].filter((v) => v !== undefined && v !== '').length;
  if (given !== 1) throw new RingkasError('bad_input', 'Give exactly one of url, text or file.');
  if (url) return { name: 'add', input: { kind: 'url', url } };
  const title = optional(o.string('title'));
  const source = optional(o.string('source'));
  return { name: 'add', input: { kind: 'text', text: text!, ...(title ? { title } : {}), ...(source ? { source } : {}) } };
}

function schedule(o: AdminOptions): ScheduleInput {
  const topics = optional(o.string('topics'))
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const parsed = scheduleSchema.safeParse({
    weekday: optional(o.integer('weekday')),
    time: optional(o.string('time'))?.trim(),
    timezone: optional(o.string('timezone'))?.trim() || undefined,
    topics: topics && topics.length > 0 ? topics : undefined,
  });
  if (!parsed.success) throw new RingkasError('bad_input', parsed.error.issues[0]?.message ?? 'That schedule is not valid.');
  const s = parsed.data;
  return {
    ...(s.weekday !== undefined ? { weekday: s.weekday } : {}),
    ...(s.time !== undefined ? { time: s.time.padStart(5, '0') } : {}),
    ...(s.timezone !== undefined ? { timezone: s.timezone } : {}),
    ...(s.topics !== undefined ? { topics: s.topics } : {}),
  };
}
