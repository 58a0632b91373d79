// Makes the CLI entry executable after tsc (tsc does not preserve modes).
import { chmodSync, existsSync } from 'node:fs';
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
