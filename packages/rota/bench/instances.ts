// Shared by the benchmark scripts: which Curtois & Qu files to run, and reading one into a problem.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '@omsorg/domain';
import { curtoisToProblem, parseCurtois, type RuleInput } from '@omsorg/rota';

/** The public benchmark's folder in the workspace (`../shared/benchmarks/curtois` of the repository). */
export const CURTOIS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'benchmarks', 'curtois');

/** True when `path` names a file (not a folder, not nothing). */
function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/**
 * `1,2,5-8,Instance7.txt,path/x.txt` → file paths: a number names `Instance<n>.txt` in `dir`, a range
 * `a-b` the files of `dir` numbered a to b that exist (the folder has gaps: no 13, 15, 19 or 21),
 * anything else is a path. Throws, with a message naming `--instances`, on a range that runs downwards
 * or has more than 1000 numbers,
 * on a file that does not exist or is not a file, and when nothing is named — before any solve.
 */
export function instanceFiles(spec: string, dir: string): string[] {
  const files: string[] = [];
  for (const raw of spec.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to < from) throw new Error(`--instances: the range "${part}" runs downwards`);
      if (to - from >= 1000) throw new Error(`--instances: the range "${part}" has more than 1000 numbers`);
      const found: string[] = [];
      for (let n = from; n <= to; n++) {
        const file = join(dir, `Instance${n}.txt`);
        if (isFile(file)) found.push(file);
      }
      if (found.length === 0) throw new Error(`--instances: no Instance<n>.txt with n in ${part} in ${dir}`);
      files.push(...found);
      continue;
    }
    const file = /^\d+$/.test(part) ? join(dir, `Instance${part}.txt`) : resolve(process.cwd(), part);
    if (!isFile(file)) throw new Error(`--instances: no file ${file}`);
    files.push(file);
  }
  if (files.length === 0) throw new Error('--instances: no instance given');
  return files;
}

/** Read one instance file; prints why and returns undefined when it cannot be read. */
export function loadInstance(file: string): { name: string; problem: Problem; rules: RuleInput[] } | undefined {
  const name = basename(file).replace(/\.txt$/, '');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.log(`${name}: cannot read: ${(e as Error).message}`);
    return undefined;
  }
  const parsed = parseCurtois(text);
  if (!parsed.ok) {
    console.log(`${name}: cannot read: ${parsed.issues.slice(0, 3).map((i) => `${i.path.join(' ')} ${i.message.en}`).join('; ')}`);
    return undefined;
  }
  return { name, ...curtoisToProblem(parsed.instance, { id: name }) };
}

/** {@link instanceFiles} for a script: on a spec it cannot use, prints why and exits with code 2. */
export function instanceFilesOrExit(spec: string, dir: string): string[] {
  try {
    return instanceFiles(spec, dir);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
}
