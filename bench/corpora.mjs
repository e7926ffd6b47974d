// The corpora the HCL and peer benchmarks scan, prepared in temporary directories (never inside the repository).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePlan } from './generate-plan.mjs';
import { generateTree } from './generate-tree.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const componentsArchive = path.join(here, 'corpora', 'terraform-aws-components-0.182.0.tar.gz');

/** A temporary directory for one benchmark run, removed with `cleanUp()` (also on exit). */
export function scratchDirectory() {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'trustscan-bench-'));
  const cleanUp = () => rmSync(directory, { recursive: true, force: true });
  process.once('exit', cleanUp);
  return { directory, cleanUp };
}

/** Unpacks the vendored cloudposse/terraform-aws-components archive; returns the repository's directory. */
export function unpackComponents(into) {
  const unpacked = spawnSync('tar', ['-xzf', componentsArchive, '-C', into], { encoding: 'utf8' });
  if (unpacked.status !== 0) throw new Error(`cannot unpack ${componentsArchive}: ${unpacked.stderr}`);
  return path.join(into, 'terraform-aws-components-0.182.0');
}

/** The generated tree of `size` files (see generate-tree.mjs). */
export function generatedTree(into, size) {
  const directory = path.join(into, `generated-${size}`);
  const bytes = generateTree(directory, size);
  return { directory, bytes };
}

/** A plan of `size` resources as `terraform show -json` writes it (planned_values included, for other scanners). */
export function generatedPlan(into, size) {
  const file = path.join(into, `plan-${size}.json`);
  writeFileSync(file, JSON.stringify(generatePlan(size, { plannedValues: true })));
  return file;
}

/** Files and bytes of Terraform configuration under a directory (`.tf`, `.tf.json`). */
export function terraformSize(directory) {
  let files = 0;
  let bytes = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(tf|tf\.json)$/.test(entry.name)) {
        files++;
        bytes += statSync(full).size;
      }
    }
  };
  visit(directory);
  return { files, bytes };
}

/** The 1-, 5- and 15-minute load averages, to say how quiet the machine was. */
export function loadAverage() {
  const [one, five, fifteen] = readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number);
  return { one, five, fifteen };
}

/** The median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Replaces the section between `<!-- name:start -->` and `<!-- name:end -->` of docs/performance.md (adding it at
 * the end when missing), so each benchmark owns its section and leaves the others alone.
 */
export function writePerformanceSection(name, markdown) {
  const file = path.join(here, '..', 'docs', 'performance.md');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = '# Performance\n';
  }
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  text = from >= 0 && to > from ? text.slice(0, from) + block + text.slice(to + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
  return file;
}
