#!/usr/bin/env node
// The `gloss` command runs the built CLI; `npm run build` (or `npm start`) produces it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('gloss: the app is not built yet. Run "npm run build" in the Gloss folder first.');
  process.exit(1);
}
await import(cli);
