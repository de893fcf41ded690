// A link as found in a page or feed, made absolute against its base; only http(s)
// links count (javascript:, mailto:, data: and broken ones give nothing).
export function absoluteHttpUrl(href: string | null | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
