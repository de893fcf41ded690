// The small part of Block Kit Ringkas uses: typed builders and the documented limits,
// plus a checker the renderer and the tests share. Builders take already-escaped text.
import type { ActionsBlock, Button, ContextBlock, DividerBlock, HeaderBlock, MrkdwnElement, PlainTextElement, SectionBlock } from '@slack/types';

export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  blockId: 255,
  actionId: 255,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  fallbackText: 3000,
} as const;

// Block Kit's own types (@slack/types, the package Bolt builds on), narrowed to the blocks used here.
export type TextObject = MrkdwnElement | PlainTextElement;
export type ButtonElement = Button;
export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock | DividerBlock | ActionsBlock;

export interface SlackMessage {
  /** Plain fallback for notifications and screen readers (mrkdwn-escaped). */
  text: string;
  blocks: SlackBlock[];
}

export const header = (text: string): SlackBlock => ({ type: 'header', text: { type: 'plain_text', text } });
export const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
export const fields = (texts: string[]): SlackBlock => ({
  type: 'section',
  fields: texts.map((text) => ({ type: 'mrkdwn', text })),
});
export const context = (text: string): SlackBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
export const divider = (): SlackBlock => ({ type: 'divider' });
export const actions = (elements: ButtonElement[]): SlackBlock => ({ type: 'actions', elements });

/** Every Block Kit limit a message breaks, as readable strings (empty when it fits). */
export function findLimitViolations(message: SlackMessage, maxBlocks: number = LIMITS.blocksPerMessage): string[] {
  const out: string[] = [];
  const len = (what: string, s: string, min: number, max: number) => {
    if (s.length < min || s.length > max) out.push(`${what} length ${s.length} not in ${min}..${max}`);
  };
  if (message.blocks.length > maxBlocks) out.push(`${message.blocks.length} blocks > ${maxBlocks}`);
  len('fallback text', message.text, 1, LIMITS.fallbackText);
  message.blocks.forEach((b, i) => {
    const at = `block ${i} (${b.type})`;
    if (b.block_id !== undefined) len(`${at} block_id`, b.block_id, 1, LIMITS.blockId);
    switch (b.type) {
      case 'header':
        len(`${at} text`, b.text.text, 1, LIMITS.headerText);
        break;
      case 'section':
        if (!b.text && !b.fields) out.push(`${at} has neither text nor fields`);
        if (b.text) len(`${at} text`, b.text.text, 1, LIMITS.sectionText);
        if (b.fields && b.fields.length > LIMITS.sectionFields) out.push(`${at} has ${b.fields.length} fields`);
        b.fields?.forEach((f, j) => len(`${at} field ${j}`, f.text, 1, LIMITS.fieldText));
        break;
      case 'context':
        if (b.elements.length < 1 || b.elements.length > LIMITS.contextElements) out.push(`${at} elements`);
        b.elements.forEach((e, j) => {
          if (e.type === 'mrkdwn' || e.type === 'plain_text') len(`${at} element ${j}`, e.text, 1, LIMITS.contextText);
          else out.push(`${at} element ${j} is a ${e.type}`);
        });
        break;
      case 'actions':
        if (b.elements.length < 1 || b.elements.length > 25) out.push(`${at} elements`);
        b.elements.forEach((e, j) => {
          if (e.type !== 'button') {
            out.push(`${at} element ${j} is a ${e.type}`);
            return;
          }
          len(`${at} button ${j} text`, e.text.text, 1, LIMITS.buttonText);
          len(`${at} button ${j} action_id`, e.action_id ?? '', 1, LIMITS.actionId);
          if (e.value !== undefined) len(`${at} button ${j} value`, e.value, 1, LIMITS.buttonValue);
          if (e.url !== undefined) len(`${at} button ${j} url`, e.url, 1, LIMITS.buttonUrl);
        });
        break;
      case 'divider':
        break;
    }
  });
  const ids = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => ('action_id' in e ? e.action_id : undefined)) : []));
  if (new Set(ids).size !== ids.length) out.push('duplicate action_id');
  return out;
}
