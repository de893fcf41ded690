// The V8 flags every Ringkas process runs with: `npm start` (package.json), the
// image (Dockerfile's CMD) and the benches' instances all pass exactly these
// (tests/setup/node-flags.test.ts keeps the three in step).
//
// --max-semi-space-size=8: V8 grows the young generation to 32 MB during a burst
// of adds and gives those pages back only when its memory reducer runs, 10-25 s
// later; capped at 16 MB, the resident memory read 10 s after a 500-add burst at
// 10,000 articles fell from 237-241 to 194-223 MB, with no measurable cost to
// ingest at 100,000 articles (decision 038, eighth session).
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
