import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { instanceFiles, loadInstance } from './instances.js';

// A folder with the gaps of the real one: Instance1, 2, 4 and 14, and a folder named like an instance.
const dir = mkdtempSync(join(tmpdir(), 'omsorg-instances-'));
for (const n of [1, 2, 4, 14]) writeFileSync(join(dir, `Instance${n}.txt`), 'not an instance\n');
mkdirSync(join(dir, 'Instance5.txt'));
const at = (n: number) => join(dir, `Instance${n}.txt`);

describe('instanceFiles', () => {
  test('given "1,2" and "4", exactly those files in the folder, in that order', () => {
    expect(instanceFiles('2,1', dir)).toEqual([at(2), at(1)]);
    expect(instanceFiles(' 4 ', dir)).toEqual([at(4)]);
  });

  test('given a range, the files of the folder numbered within it that exist, in order; ranges and numbers mix', () => {
    expect(instanceFiles('1-4', dir)).toEqual([at(1), at(2), at(4)]);
    expect(instanceFiles('3-20,1', dir)).toEqual([at(4), at(14), at(1)]);
  });

  test('given a path, that file', () => {
    expect(instanceFiles(at(14), '/nowhere')).toEqual([at(14)]);
  });

  test('given a range downwards or of more than 1000 numbers, a missing number or path, a folder, a range with no file or nothing, an error naming --instances', () => {
    expect(() => instanceFiles('4-1', dir)).toThrow('--instances: the range "4-1" runs downwards');
    expect(() => instanceFiles('3', dir)).toThrow(`--instances: no file ${at(3)}`);
    expect(() => instanceFiles('5', dir)).toThrow(`--instances: no file ${at(5)}`);
    expect(() => instanceFiles(join(dir, 'x.txt'), dir)).toThrow('--instances: no file');
    expect(() => instanceFiles('1-1001', dir)).toThrow('--instances: the range "1-1001" has more than 1000 numbers');
    expect(() => instanceFiles('6-13', dir)).toThrow('--instances: no Instance<n>.txt with n in 6-13');
    expect(() => instanceFiles(' , ', dir)).toThrow('--instances: no instance given');
  });
});

describe('loadInstance', () => {
  test('given a file that is not in the Curtois format, undefined (the reason printed), not a throw', () => {
    expect(loadInstance(at(1))).toBeUndefined();
  });

  test('given a folder, undefined, not a throw', () => {
    expect(loadInstance(at(5))).toBeUndefined();
  });
});
