// What of an error goes to the log. discord.js errors carry the request body (article text,
// embeds) and sometimes the URL with an interaction token: keep only what explains the failure.
import { prefixWithin } from '../../src/text/fit-length.js';

export interface LoggedError {
  name: string;
  message: string;
  code?: string | number;
  status?: number;
  method?: string;
  stack?: string;
}

export function errorForLog(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { name: 'NonError', message: prefixWithin(String(error), 300) };
  const e = error as Error & { code?: unknown; status?: unknown; method?: unknown };
  return {
    name: e.name,
    message: prefixWithin(redactTokens(e.message), 500),
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...(typeof e.method === 'string' ? { method: e.method } : {}),
    ...(e.stack ? { stack: redactTokens(e.stack).split('\n').slice(0, 8).join('\n') } : {}),
  };
}

/** Interaction and webhook tokens sit in URL paths (/interactions/{id}/{token}, /webhooks/{app}/{token}). */
function redactTokens(text: string): string {
  return text.replace(/\/(interactions\/\d+|webhooks\/\d+)\/[A-Za-z0-9._-]+/g, '/$1/[token]');
}
