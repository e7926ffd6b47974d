// Preloaded (`node --import`) into a measured process: on exit, writes its peak RSS in MB to the file named by
// TRUSTSCAN_BENCH_RSS_FILE, so a benchmark can time a whole process (the CLI as users run it) and still read its memory.
import { writeFileSync } from 'node:fs';

const file = process.env.TRUSTSCAN_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS / 1024)));
