// Distinct, realistic-looking articles for import tests, generated so that no
// two share a body (their content fingerprints differ) and each is long enough.
const COMPANIES = ['Toyota', 'Honda', 'Suzuki', 'Daihatsu', 'Mitsubishi', 'Nissan', 'Yamaha', 'Denso', 'Panasonic', 'Hino'];
const PLACES = ['Karawang', 'Cikarang', 'Bekasi', 'Purwakarta', 'Batam', 'Surabaya', 'Semarang', 'Tangerang', 'Cilegon', 'Subang'];
const PRODUCTS = ['hybrid cars', 'battery cells', 'motorcycles', 'engine parts', 'electric buses', 'steel sheets', 'tyres', 'wiring harnesses'];

export function generatedArticle(n: number): { title: string; body: string } {
  const company = COMPANIES[n % COMPANIES.length]!;
  const place = PLACES[Math.floor(n / 10) % PLACES.length]!;
  const product = PRODUCTS[n % PRODUCTS.length]!;
  const title = `${company} plans plant number ${n} in ${place} for ${product}`;
  const body = [
    `JAKARTA - ${company} will invest ${n + 3} trillion rupiah in a new plant in ${place}, West Java, to build ${product} for the domestic market and for export, the company said on day ${n}.`,
    `The factory, planned under the Indonesia-Japan Economic Partnership Agreement, is expected to employ ${1000 + n * 7} workers and to start production in ${2025 + (n % 4)}.`,
    `Officials said the project, registered as case ${n}-${n * 13}, would raise local content to ${40 + (n % 50)} percent within three years.`,
  ].join('\n\n');
  return { title, body };
}

export function asFile(n: number): { name: string; content: string } {
  const { title, body } = generatedArticle(n);
  switch (n % 3) {
    case 0:
      return { name: `article-${n}.txt`, content: `${title}\n\n${body}\n` };
    case 1:
      return { name: `article-${n}.md`, content: `# ${title}\n\n${body.replace('Indonesia-Japan', '**Indonesia-Japan**')}\n` };
    default:
      return {
        name: `article-${n}.html`,
        content: `<html><head><title>${title}</title><meta property="og:site_name" content="Wire ${n % 5}"></head><body><nav>Home News</nav><article><h1>${title}</h1>${body
          .split('\n\n')
          .map((p) => `<p>${p}</p>`)
          .join('')}</article><footer>© Wire</footer></body></html>`,
      };
  }
}
