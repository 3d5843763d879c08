// Placeholder: `backup create` / `backup restore` are being written (issue #2).
import type { Command } from './commands.ts';

export const backupCommands: Record<string, Command> = {};
