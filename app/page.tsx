import { redirect } from 'next/navigation';
import { requirePageActor } from '@/lib/auth/current';
import { homePath } from '@/lib/auth/permissions';

export const dynamic = 'force-dynamic';

// Each role lands on its own start page.
export default async function Home() {
  const actor = await requirePageActor(undefined, { auditDenial: false });
  redirect(homePath(actor));
}
