import { and, asc, eq } from 'drizzle-orm';
import { appointments, ports } from '../../../../../db/schema';
import { floorDb } from '../../db';

export const dynamic = 'force-dynamic';

/** One port-day, as a typical Next.js handler would: Drizzle select, then JSON.stringify. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const rows = await floorDb()
    .select({
      id: appointments.id,
      confirmationCode: appointments.confirmationCode,
      portSlug: ports.slug,
      date: appointments.serviceDate,
      scheduledAt: appointments.scheduledAt,
      partySize: appointments.partySize,
      familyName: appointments.familyName,
      givenName: appointments.givenName,
      nationality: appointments.nationality,
      language: appointments.language,
      status: appointments.status,
      arrivedAt: appointments.arrivedAt,
      membersPresent: appointments.membersPresent,
      version: appointments.version,
    })
    .from(appointments)
    .innerJoin(ports, eq(ports.id, appointments.portId))
    .where(and(eq(ports.slug, url.searchParams.get('port') ?? ''), eq(appointments.serviceDate, url.searchParams.get('date') ?? '')))
    .orderBy(asc(appointments.scheduledAt), asc(appointments.confirmationCode));
  return Response.json({ date: url.searchParams.get('date'), appointments: rows });
}
