// What a failed Slack start-up tells the operator: which thing failed (the network or proxy, Slack
// itself, or a token) and which variable to look at. Slack's own error codes are kept; tokens never.
import { webApi } from '@slack/bolt';
import { errorCode } from './slack-admin.js';

/** Slack's answers that mean the token itself is wrong, revoked or disabled. */
const TOKEN_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type', 'team_disabled', 'user_removed_from_team', 'invalid_token']);

/**
 * One sentence for a Web API failure during start-up. `call` is the method that failed and
 * `variable` the token it used (RINGKAS_SLACK_BOT_TOKEN for auth.test, RINGKAS_SLACK_APP_TOKEN for
 * apps.connections.open).
 */
export function slackStartMessage(error: unknown, call: string, variable: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === webApi.ErrorCode.RequestError) {
    const cause = (error as webApi.WebAPIRequestError).original;
    const why = (cause as { cause?: { code?: string } }).cause?.code ?? (cause as { code?: string }).code ?? cause.name;
    return `Slack start-up failed: could not reach Slack (${why}): network or proxy. Check the connection, or HTTPS_PROXY / NO_PROXY if you are behind a proxy.`;
  }
  if (code === webApi.ErrorCode.HTTPError) {
    const status = (error as webApi.WebAPIHTTPError).statusCode;
    const via = status === 407 ? ': the proxy wants credentials (put them in HTTPS_PROXY)' : ': Slack or a proxy in between is failing; try again later';
    return `Slack start-up failed: ${call} got HTTP ${status}${via}.`;
  }
  if (code === webApi.ErrorCode.RateLimitedError) return `Slack start-up failed: ${call} was rate limited; try again in a minute.`;
  const slackError = errorCode(error);
  if (TOKEN_ERRORS.has(slackError)) return `Slack start-up failed: ${call} said "${slackError}". Check ${variable}.`;
  return `Slack start-up failed: ${call} said "${slackError}".`;
}

/** The HTTP listener could not bind: say which port and which variable moves it. */
export function listenMessage(error: unknown, port: number): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'EADDRINUSE') return `Slack HTTP mode: port ${port} is already in use. Stop what uses it, or set RINGKAS_SLACK_PORT to a free port.`;
  if (code === 'EACCES') return `Slack HTTP mode: port ${port} needs privileges. Set RINGKAS_SLACK_PORT to 1024 or above.`;
  return `Slack HTTP mode: could not listen on port ${port} (${code ?? 'unknown error'}). Check RINGKAS_SLACK_PORT.`;
}
