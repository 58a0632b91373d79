import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { SetExit } from './index.js';
export function registerMcp(_p: Command, _io: CliIO, _s: SetExit): void {}
