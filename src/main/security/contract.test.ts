import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../shared/contract';

/** Parameter names that would carry a filesystem location. */
const PATH_LIKE = /(?:path|dir|directory|folder|file|location|cwd|destination)$/i;

/** Every property name, at any depth, of the JSON Schema of a method's parameters. */
function parameterNames(schema: z.ZodType): string[] {
  const names: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object') names.push(...Object.keys(value));
      walk(value);
    }
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
  return names;
}

describe('the API contract', () => {
  it('takes no filesystem path from the renderer: files travel as names and contents', () => {
    const offenders = Object.entries(contract).flatMap(([method, { params }]) =>
      parameterNames(params as z.ZodType)
        .filter((name) => PATH_LIKE.test(name))
        .map((name) => `${method}.${name}`),
    );
    expect(offenders).toEqual([]);
  });

  it('declares a strict schema for every method, so unknown parameters are refused', () => {
    for (const [method, { params }] of Object.entries(contract)) {
      const parsed = (params as z.ZodType).safeParse({ unexpectedParameter: 1 });
      expect(parsed.success, method).toBe(false);
    }
  });
});
