// Entry of the bundled Action (dist/index.js): everything lives in main.ts.
import { run } from './main.js';

void run();
