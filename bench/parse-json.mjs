// The baseline a plan scan is compared with: a process that reads a file and parses it with JSON.parse, nothing else.
import { readFileSync } from 'node:fs';

JSON.parse(readFileSync(process.argv[2], 'utf8'));
