// The sentences the feed commands answer with: neutral text; command references are data
// (src/model/text.ts) each adapter writes in its own words.
import type { AddedFeed } from './feed-service.js';
import type { PollReport } from './feed-poller.js';
import type { FeedRecord } from './feed-record.js';
import { cmd, say, type Text } from '../model/text.js';

const DAY = 24 * 60 * 60_000;

export function everyLabel(minutes: number): string {
  return minutes % 1440 === 0 ? `${minutes / 1440}d` : minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
}

function when(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never';
}

export function addedText(a: AddedFeed): string {
  const f = a.feed;
  const found = a.discoveredOn ? `Found the feed ${f.url} on ${a.discoveredOn}. ` : '';
  const filter = f.takeAll ? 'every item' : 'items that match the briefs';
  return (
    `${found}Now following "${f.title}" as ${f.id} (${f.format}, every ${everyLabel(f.everyMinutes)}): ${a.items} items in the feed; ` +
    `${a.lastWeekMatching} of the last week's ${a.lastWeek} ${f.takeAll ? 'will be taken' : 'look on-topic from their titles and summaries'}. ` +
    `The first check runs within a minute and takes ${filter}, at most the newest few.`
  );
}

export function stateText(f: FeedRecord): string {
  if (f.state === 'paused') return `paused (${f.reason ?? 'by an admin'})`;
  if (f.state === 'failing') return `failing since ${when(f.failingSince)}: ${f.reason ?? 'unknown reason'}`;
  return 'ok';
}

export function weekCounts(f: FeedRecord, now: Date): { added: number; skipped: number; failed: number } {
  const since = now.getTime() - 7 * DAY;
  const week = f.log.filter((l) => Date.parse(l.at) >= since);
  return {
    added: week.reduce((n, l) => n + l.added, 0),
    skipped: week.reduce((n, l) => n + l.skipped, 0),
    failed: week.reduce((n, l) => n + l.failed, 0),
  };
}

export function feedsText(feeds: readonly FeedRecord[], now: Date): Text {
  if (feeds.length === 0) return say`No feeds are followed yet. An admin can add one with ${cmd('feed', 'add <url>')}.`;
  const lines = feeds.map((f) => {
    const w = weekCounts(f, now);
    return (
      `${f.id} · ${f.title} — ${stateText(f)}; every ${everyLabel(f.everyMinutes)}${f.takeAll ? ', all items' : ''}; ` +
      `last check ${when(f.lastCheckAt)}; last 7 days: ${w.added} added, ${w.skipped} skipped as off-topic${w.failed ? `, ${w.failed} failed` : ''}\n  ${f.url}`
    );
  });
  return `Followed feeds (${feeds.length}):\n${lines.join('\n')}`;
}

export function sourcesText(feeds: readonly FeedRecord[]): string {
  if (feeds.length === 0) return 'Ringkas follows no sources yet; every article was added by hand.';
  const lines = feeds.map((f) => `• ${f.title} — ${f.url}${f.state === 'paused' ? ' (paused)' : ''}`);
  return `Ringkas follows ${feeds.length} source${feeds.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}

export function checkText(f: FeedRecord, r: PollReport): string {
  if (r.outcome === 'failed') return `${f.id} · ${f.title}: the check failed (${r.reason}). State: ${stateText(f)}.`;
  if (r.outcome === 'not_modified') return `${f.id} · ${f.title}: nothing changed since the last check (the site answered "not modified").${lastSkips(f)}`;
  const parts = [`${r.fresh} new item${r.fresh === 1 ? '' : 's'}`, `${r.added} added`, `${r.duplicates} already known`, `${r.skipped} skipped as off-topic`];
  if (r.failed) parts.push(`${r.failed} could not be read`);
  let text = `${f.id} · ${f.title}: ${parts.join(', ')}.`;
  if (r.skippedTitles.length) text += `\nSkipped: ${quoted(r.skippedTitles.slice(-5))}`;
  else text += lastSkips(f);
  if (r.itemFailures.length) text += `\nNot read: ${r.itemFailures.slice(0, 5).map((t) => t.slice(0, 200)).join('; ')}`;
  return text;
}

function quoted(titles: readonly string[]): string {
  return titles.map((t) => `"${t.slice(0, 120)}"`).join('; ');
}

/** The last few items skipped as off-topic, so an admin can judge the filter even when nothing new came. */
function lastSkips(f: FeedRecord): string {
  return f.recentSkips.length ? `\nLast skipped as off-topic: ${quoted(f.recentSkips)}` : '';
}
