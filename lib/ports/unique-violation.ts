import { AppError, uniqueViolationOf } from '@/lib/errors';

/** A clash on the unique slug or CBP code becomes a field error instead of a 500. */
export function rethrowPortUniqueViolation(e: unknown, body: { slug?: string; code?: string }): never {
  const clash = uniqueViolationOf(e);
  if (clash) {
    const field = clash.constraint?.includes('code') ? 'code' : 'slug';
    const value = field === 'code' ? body.code : body.slug;
    throw new AppError('VALIDATION', `Another port already uses ${field} "${value}".`, {
      es: `Otro puerto ya usa ${field === 'code' ? 'el código' : 'el identificador'} "${value}".`,
      fields: { [field]: 'already in use' },
    });
  }
  throw e;
}
