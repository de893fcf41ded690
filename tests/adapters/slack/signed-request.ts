// Builds and sends Slack-signed requests (v0 HMAC-SHA256 over "v0:{ts}:{body}") to the
// real Bolt app on loopback, the way Slack itself would.
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret';

export function sign(secret: string, ts: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  secret?: string;
  /** Seconds since the epoch; default now. */
  ts?: number;
  signature?: string;
  headers?: Record<string, string>;
}

export interface SlackResponse {
  status: number;
  body: string;
  json: Record<string, unknown> | null;
  ms: number;
}

export async function sendToSlackApp(port: number, body: string, options: SendOptions = {}): Promise<SlackResponse> {
  const ts = options.ts ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': options.signature ?? sign(options.secret ?? SIGNING_SECRET, ts, body),
      ...options.headers,
    },
    body,
  });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    json = null;
  }
  return { status: res.status, body: text, json, ms: performance.now() - started };
}

let counter = 0;

export function commandBody(fields: { text: string; user?: string; channel?: string; team?: string; responseUrl: string; command?: string; triggerId?: string }): string {
  counter += 1;
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: fields.team ?? 'T0001',
    team_domain: 'fake',
    channel_id: fields.channel ?? 'C0001',
    channel_name: 'general',
    user_id: fields.user ?? 'UMEMBER',
    user_name: 'someone',
    command: fields.command ?? '/brief',
    text: fields.text,
    api_app_id: 'A0001',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? `trigger.${process.pid}.${counter}`,
  }).toString();
}

export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function shareClick(fields: { value: string; user?: string; channel?: string; responseUrl: string; actionTs?: string }): string {
  counter += 1;
  return interactionBody({
    type: 'block_actions',
    team: { id: 'T0001', domain: 'fake' },
    user: { id: fields.user ?? 'UMEMBER', username: 'someone', name: 'someone', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1.1', channel_id: fields.channel ?? 'C0001', is_ephemeral: true },
    trigger_id: `trigger.${counter}`,
    channel: { id: fields.channel ?? 'C0001', name: 'general' },
    response_url: fields.responseUrl,
    actions: [
      { type: 'button', action_id: 'share_in_channel', block_id: 'b1', value: fields.value, text: { type: 'plain_text', text: 'Share in channel' }, action_ts: fields.actionTs ?? `${Date.now()}.${counter}` },
    ],
  });
}

export function addSubmission(fields: { user?: string; viewId?: string; channel?: string; title?: string; source?: string; link?: string; date?: string; text: string }): string {
  counter += 1;
  const v = (value: string | undefined, type = 'plain_text_input') => ({ value: { type, value: value ?? null } });
  return interactionBody({
    type: 'view_submission',
    team: { id: 'T0001', domain: 'fake' },
    user: { id: fields.user ?? 'UADMIN', username: 'admin', name: 'admin', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    trigger_id: `trigger.${counter}`,
    view: {
      id: fields.viewId ?? `VIEW${counter}`,
      team_id: 'T0001',
      type: 'modal',
      callback_id: 'ringkas_add_article',
      private_metadata: JSON.stringify({ team: 'T0001', channel: fields.channel ?? 'C0001' }),
      hash: `h${counter}`,
      state: {
        values: {
          title: v(fields.title),
          source: v(fields.source),
          link: v(fields.link, 'url_text_input'),
          date: { value: { type: 'datepicker', selected_date: fields.date ?? null } },
          text: v(fields.text),
        },
      },
    },
  });
}
