import { corpusRecords } from './scale-corpus.js';
const n = Number(process.argv[2]);
await corpusRecords(n, (l) => console.log(l));
