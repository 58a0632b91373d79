/** Test helper: runs cargoCheck on argv[2] with target dir argv[3]; the test SIGKILLs this process meanwhile. */
import { cargoCheck } from '../../src/adapters/cargo/check.js';

const [dir, targetDir] = process.argv.slice(2);
if (!dir || !targetDir) throw new Error('usage: check-then-hang DIR TARGET_DIR');
await cargoCheck({ cwd: dir, targetDir });
