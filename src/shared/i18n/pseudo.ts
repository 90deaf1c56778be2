import type { Catalog } from './catalog/types';

const ACCENTED: Record<string, string> = {
  a: 'á',
  e: 'ë',
  i: 'ï',
  o: 'ô',
  u: 'ü',
  y: 'ý',
  c: 'ç',
  n: 'ñ',
  s: 'š',
  z: 'ž',
  A: 'Å',
  E: 'É',
  I: 'Î',
  O: 'Ö',
  U: 'Û',
  Y: 'Ý',
  C: 'Ç',
  N: 'Ñ',
  S: 'Š',
  Z: 'Ž',
};

/**
 * One string accented and padded to about 130 % of its length; `{{placeholders}}` and `$t(nestings)`
 * are kept as they are, and an empty string (a plural form that says nothing) stays empty.
 */
export function pseudoString(text: string): string {
  if (text === '') return '';
  const parts = text.split(/(\{\{[^}]*\}\}|\$t\([^)]*\))/);
  const accented = parts.map((part, i) =>
    i % 2 ? part : part.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c),
  );
  const padding = '~'.repeat(Math.max(1, Math.ceil(text.length * 0.3)));
  return `[${accented.join('')}${padding}]`;
}

/** A pseudo-localised copy of a catalog, every string through `pseudoString`. */
export function pseudoCatalog(catalog: Catalog): Catalog {
  return Object.fromEntries(
    Object.entries(catalog).map(([key, value]) => [
      key,
      typeof value === 'string' ? pseudoString(value) : pseudoCatalog(value),
    ]),
  );
}
