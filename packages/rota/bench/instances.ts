// Shared by the benchmark scripts: which Curtois & Qu files to run, and reading one into a problem.
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Problem } from '@omsorg/domain';
import { curtoisToProblem, parseCurtois, type RuleInput } from '@omsorg/rota';

/** `1,2,Instance7.txt,path/x.txt` → file paths: numbers name files in `dir`, anything else is a path. */
export function instanceFiles(spec: string, dir: string): string[] {
  return spec
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => (/^\d+$/.test(x) ? join(dir, `Instance${x}.txt`) : resolve(process.cwd(), x)));
}

/** Read one instance file; prints why and returns undefined when it cannot be read. */
export function loadInstance(file: string): { name: string; problem: Problem; rules: RuleInput[] } | undefined {
  const name = basename(file).replace(/\.txt$/, '');
  const parsed = parseCurtois(readFileSync(file, 'utf8'));
  if (!parsed.ok) {
    console.log(`${name}: cannot read: ${parsed.issues.slice(0, 3).map((i) => `${i.path.join(' ')} ${i.message.en}`).join('; ')}`);
    return undefined;
  }
  return { name, ...curtoisToProblem(parsed.instance, { id: name }) };
}
