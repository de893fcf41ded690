// Independent check of Discord's documented limits (numbers written out again on purpose,
// so a wrong constant in the renderer cannot hide its own mistake). Returns what breaks them.

interface EmbedLike {
  title?: string;
  description?: string;
  url?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}
interface MessageLike {
  content?: string | null;
  embeds?: EmbedLike[];
}

export function embedLimitViolations(message: MessageLike): string[] {
  const problems: string[] = [];
  const embeds = message.embeds ?? [];
  if ((message.content ?? '').length > 2000) problems.push(`content ${message.content!.length} > 2000`);
  if (embeds.length > 10) problems.push(`${embeds.length} embeds > 10`);
  if ((message.content ?? '') === '' && embeds.length === 0) problems.push('empty message');
  let total = 0;
  embeds.forEach((e, i) => {
    const at = `embed ${i}`;
    if ((e.title ?? '').length > 256) problems.push(`${at} title ${e.title!.length} > 256`);
    if ((e.description ?? '').length > 4096) problems.push(`${at} description > 4096`);
    if ((e.footer?.text ?? '').length > 2048) problems.push(`${at} footer > 2048`);
    if ((e.author?.name ?? '').length > 256) problems.push(`${at} author > 256`);
    if (e.url !== undefined && !/^https?:\/\//.test(e.url)) problems.push(`${at} url not http(s): ${e.url}`);
    const fields = e.fields ?? [];
    if (fields.length > 25) problems.push(`${at} ${fields.length} fields > 25`);
    fields.forEach((f, j) => {
      if (f.name.length === 0 || f.name.length > 256) problems.push(`${at} field ${j} name length ${f.name.length}`);
      if (f.value.length === 0 || f.value.length > 1024) problems.push(`${at} field ${j} value length ${f.value.length}`);
    });
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.author?.name ?? '').length;
    total += fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  });
  if (total > 6000) problems.push(`embeds total ${total} > 6000`);
  return problems;
}
