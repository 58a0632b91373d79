/** Worker-thread entry: parses the files it is sent and posts their facts back. */
import { parentPort } from 'node:worker_threads';
import { parseRustSourceSafe } from './parse.js';

interface Job {
  id: number;
  files: { file: string; text: string }[];
}

parentPort?.on('message', (job: Job) => {
  const results = job.files.map(({ file, text }) => ({ file, facts: parseRustSourceSafe(text) }));
  parentPort?.postMessage({ id: job.id, results });
});
