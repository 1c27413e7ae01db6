import { AppError } from '@/lib/errors';

function pgCode(e: unknown): { code?: string; constraint?: string } {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const c = cur as { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };
    if (c.code === '23505') return { code: '23505', constraint: String(c.constraint_name ?? c.constraint ?? '') };
    cur = c.cause;
  }
  return {};
}

/** A clash on the unique slug or CBP code becomes a field error instead of a 500. */
export function rethrowPortUniqueViolation(e: unknown, body: { slug?: string; code?: string }): never {
  const { code, constraint } = pgCode(e);
  if (code === '23505') {
    const field = constraint?.includes('code') ? 'code' : 'slug';
    const value = field === 'code' ? body.code : body.slug;
    throw new AppError('VALIDATION', `Another port already uses ${field} "${value}".`, {
      es: `Otro puerto ya usa ${field === 'code' ? 'el código' : 'el identificador'} "${value}".`,
      fields: { [field]: 'already in use' },
    });
  }
  throw e;
}
