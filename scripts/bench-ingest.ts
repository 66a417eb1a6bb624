/** `npm run bench:ingest`: only the ingest throughput of `npm run bench` (scripts/bench/ingest.ts). */
import { benchIngest } from './bench/ingest.ts';

console.log('Ingest (seeds + dev corpus, embeddings excluded):');
benchIngest().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
