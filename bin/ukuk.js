#!/usr/bin/env node
// The `ukuk` command. Ukuk runs from its TypeScript sources through tsx (no separate server build).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
