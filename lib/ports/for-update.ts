import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { ports, type PortRow } from '@/db/schema';
import { AppError } from '@/lib/errors';

/** Loads and row-locks a port by slug inside a write transaction, or NOT_FOUND. */
export async function portForUpdate(tx: Tx, slug: string): Promise<PortRow> {
  const [row] = await tx.select().from(ports).where(eq(ports.slug, slug)).for('update').limit(1);
  if (!row) throw new AppError('NOT_FOUND', `No port "${slug}".`, { es: `No existe el puerto "${slug}".` });
  return row;
}

