// Bolt rejects a request timestamp more than five minutes in the past but not one in
// the future; a captured request replayed with a forged future timestamp must fail too
// (the signature covers the timestamp, so this only matters for clock-skew and replay
// windows). This runs before Bolt, on the raw request, and answers 401 itself.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../src/clock.js';
import type { Logger } from '../../src/logger.js';

export const MAX_SKEW_SECONDS = 5 * 60;

/** Null when the timestamp is acceptable, else why not. */
export function timestampProblem(header: string | string[] | undefined, nowMs: number): string | null {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined || !/^\d{1,12}$/.test(raw)) return 'missing or malformed x-slack-request-timestamp';
  const skew = Number(raw) - Math.floor(nowMs / 1000);
  if (skew > MAX_SKEW_SECONDS) return 'request timestamp is in the future';
  if (skew < -MAX_SKEW_SECONDS) return 'request timestamp is stale';
  return null;
}

/** Wraps Bolt's request listener with the timestamp check for POSTs. */
export function guardedListener(
  next: (req: IncomingMessage, res: ServerResponse) => void,
  clock: Clock,
  logger: Logger,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (req.method === 'POST') {
      const problem = timestampProblem(req.headers['x-slack-request-timestamp'], clock.now().getTime());
      if (problem) {
        logger.warn({ event: 'slack_request_rejected', reason: problem }, 'rejected a Slack request');
        req.resume();
        res.writeHead(401).end();
        return;
      }
    }
    try {
      next(req, res);
    } catch (error) {
      // Bolt throws for paths it does not serve.
      logger.debug({ event: 'slack_unhandled_path', path: req.url, err: (error as Error).name }, 'not a Slack endpoint');
      if (!res.headersSent) res.writeHead(404).end();
    }
  };
}
