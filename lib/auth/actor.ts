import type { Locale, Role } from '@/db/schema/enums';

/** The signed-in person as every lib function sees them: re-read from the database on each request. */
export interface Actor {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  role: Role;
  portId: number | null;
  portSlug: string | null;
  locale: Locale;
  mustChangePassword: boolean;
  requestId: string | null;
}
