#!/usr/bin/env node
// The `ukuk` command. It runs the compiled server (dist-server/ukuk.mjs, rebuilt first when a source is
// newer: scripts/server-build.mjs), as `npm start` does. Through tsx it compiled the TypeScript at
// every start: about twice as long before the command did anything.
import { pathToFileURL } from 'node:url';
import { ensureServerBuilt } from '../scripts/server-build.mjs';

await import(pathToFileURL(ensureServerBuilt()).href);
