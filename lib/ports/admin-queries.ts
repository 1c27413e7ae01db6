import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import { listPorts, toPublicPort } from './queries';
import type { Port } from './schemas';

/** Every port, suspended ones included, for the ports admin page. */
export async function listPortsForAdmin(actor: Actor): Promise<Port[]> {
  assertCan(actor, 'admin.ports');
  return (await listPorts(actor)).map(toPublicPort);
}
