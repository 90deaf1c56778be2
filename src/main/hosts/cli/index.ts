import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './main';

const rendererDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../renderer');
const exitCode = await main(process.argv.slice(2), rendererDir);
if (exitCode >= 0) process.exitCode = exitCode;
