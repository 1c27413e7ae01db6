import { describe, expect, it } from 'vitest';
import { en } from './messages/en';
import { es } from './messages/es';
import { createTranslator, negotiateLocale } from './translate';

function keys(obj: unknown, prefix = ''): string[] {
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

describe('message catalogues', () => {
  it('have the same keys in English and Spanish', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });

  it('have no empty strings and the same placeholders in both languages', () => {
    const tEn = createTranslator(en);
    const tEs = createTranslator(es);
    for (const key of keys(en)) {
      const a = tEn(key as never);
      const b = tEs(key as never);
      expect(a.trim(), key).not.toBe('');
      expect(b.trim(), key).not.toBe('');
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(b), key).toEqual(ph(a));
    }
  });

  it('interpolates variables', () => {
    expect(createTranslator(es)('signIn.throttled', { minutes: 15 })).toContain('15 minutos');
  });

  it('negotiates Accept-Language', () => {
    expect(negotiateLocale('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(negotiateLocale('fr-FR,en;q=0.5')).toBe('en');
    expect(negotiateLocale(undefined)).toBe('en');
  });
});
