/** Worker-thread entry: parses the files it is sent and posts their facts back (as objects, or as JSON text). */
import { parentPort } from 'node:worker_threads';
import { parseRustSourceSafe } from './parse.js';

interface Job {
  id: number;
  /** Post each file's facts as JSON text (the caller stores that text anyway; no second serialisation). */
  json?: boolean;
  files: { file: string; text: string }[];
}

parentPort?.on('message', (job: Job) => {
  const results = job.files.map(({ file, text }) => {
    const facts = parseRustSourceSafe(text);
    return job.json ? { file, json: JSON.stringify(facts) } : { file, facts };
  });
  parentPort?.postMessage({ id: job.id, results });
});
