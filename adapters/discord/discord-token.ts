// A bot token as people paste it: the Developer Portal shows the bare token, but guides and
// other bots' configs often carry "Bot <token>". discord.js's login strips that prefix and
// its REST client does not, so both paths go through here and accept either form.

export function botToken(raw: string): string {
  return raw.trim().replace(/^Bot\s+/i, '');
}
