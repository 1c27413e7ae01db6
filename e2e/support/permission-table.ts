/**
 * The expected table of the permission matrix (e2e/permission-matrix.spec.ts), written from the
 * domain rules (docs/domain.md, Who may do what; docs/api.md), not derived from lib/auth/permissions.ts: who may reach which
 * API route and page, and what a refusal looks like.
 */
import { ACCOUNTS } from '../helpers';

export const PORT_A = 'san-ysidro';
export const PORT_B = 'nogales';

export type Subject = 'officerA' | 'officerB' | 'supervisor' | 'admin' | 'anonymous' | 'revokedKey' | 'validKey';
export const SUBJECTS: Subject[] = ['officerA', 'officerB', 'supervisor', 'admin', 'anonymous', 'revokedKey', 'validKey'];
export const PEOPLE: Record<string, string> = {
  officerA: `officer.${PORT_A}@example.gov`,
  officerB: `officer.${PORT_B}@example.gov`,
  supervisor: ACCOUNTS.supervisor,
  admin: ACCOUNTS.admin,
};
export type Target = 'A' | 'B' | null;

/**
 * Who may do what, from docs/domain.md and docs/api.md:
 * - public: anyone (health, readiness, the OpenAPI document).
 * - staff: any signed-in person (officer, supervisor, admin).
 * - staffAtPort: officers only for a resource of their own port (another port's answers 404, so its
 *   existence does not leak); supervisors and admins for every port.
 * - leads: supervisor and admin (corrections, document reveal, audit trail, flag review).
 * - admin: administrators only.
 * - intakeKey: machines with a valid Bearer intake key only (a session cookie does not open them).
 * - intakeKeyOrAdmin: roster import, by intake key or an admin session.
 * Pages: public (`/unavailable`, shown while the database is away), entry (`/` routes each role home, sends the
 * anonymous to sign-in), signIn (the sign-in page),
 * portList (the list of ports: an officer, who has one port, is sent on to its roster).
 */
export type Policy = 'public' | 'staff' | 'staffAtPort' | 'leads' | 'admin' | 'intakeKey' | 'intakeKeyOrAdmin' | 'entry' | 'signIn' | 'portList';

export const API_POLICY: Record<string, Policy> = {
  'GET /api/v1/health': 'public',
  'GET /api/v1/ready': 'public',
  'GET /api/v1/openapi.json': 'public',
  'GET /api/v1/ports': 'staff',
  'GET /api/v1/ports/{slug}/roster': 'staffAtPort',
  'GET /api/v1/ports/{slug}/roster/export': 'staffAtPort',
  'GET /api/v1/ports/{slug}/events': 'staffAtPort',
  'GET /api/v1/events': 'staffAtPort', // one stream for several ports: each must be the caller's to see
  'GET /api/v1/appointments/lookup': 'staff', // any officer may learn where a scanned code belongs (port and date only)
  'GET /api/v1/appointments/{id}': 'staffAtPort',
  'POST /api/v1/appointments/{id}/check-in': 'staffAtPort',
  'POST /api/v1/appointments/{id}/no-show': 'staffAtPort',
  'POST /api/v1/appointments/{id}/undo': 'staffAtPort',
  'POST /api/v1/appointments/{id}/outcome': 'staffAtPort',
  'POST /api/v1/appointments/{id}/corrections': 'leads',
  'POST /api/v1/appointments/{id}/document': 'leads',
  'GET /api/v1/stats/daily': 'staffAtPort',
  'GET /api/v1/stats/summary': 'staffAtPort',
  'GET /api/v1/stats/hourly': 'staffAtPort',
  'GET /api/v1/stats/today': 'staffAtPort',
  'GET /api/v1/admin/audit': 'leads',
  'GET /api/v1/admin/audit/checkpoint': 'leads',
  'GET /api/v1/admin/capacity': 'admin',
  'PUT /api/v1/admin/capacity/{slug}/weekdays': 'admin',
  'PUT /api/v1/admin/capacity/{slug}/dates/{date}': 'admin',
  'DELETE /api/v1/admin/capacity/{slug}/dates/{date}': 'admin',
  'PUT /api/v1/admin/national-cap': 'admin',
  'GET /api/v1/admin/ports': 'admin',
  'POST /api/v1/admin/ports': 'admin',
  'PATCH /api/v1/admin/ports/{slug}': 'admin',
  'GET /api/v1/admin/outcome-codes': 'admin',
  'POST /api/v1/admin/outcome-codes': 'admin',
  'PATCH /api/v1/admin/outcome-codes/{code}': 'admin',
  'DELETE /api/v1/admin/outcome-codes/{code}': 'admin',
  'GET /api/v1/admin/users': 'admin',
  'POST /api/v1/admin/users': 'admin',
  'PATCH /api/v1/admin/users/{id}': 'admin',
  'GET /api/v1/admin/intake-keys': 'admin',
  'POST /api/v1/admin/intake-keys': 'admin',
  'DELETE /api/v1/admin/intake-keys/{id}': 'admin',
  'POST /api/v1/account/password': 'staff',
  'POST /api/v1/session/keepalive': 'staff',
  'POST /api/v1/flags/{id}/review': 'leads',
  'GET /api/v1/intake/availability': 'intakeKey',
  'POST /api/v1/intake/bookings': 'intakeKey',
  'DELETE /api/v1/intake/bookings/{confirmationCode}': 'intakeKey',
  'POST /api/v1/intake/rosters': 'intakeKeyOrAdmin',
};

export const PAGE_POLICY: Record<string, Policy> = {
  '/': 'entry',
  '/sign-in': 'signIn',
  '/unavailable': 'public', // "reconnecting to the database": no data, no session needed
  '/account/password': 'staff',
  '/ports': 'portList',
  '/dashboard': 'staff', // officers see their own port's figures
  '/dashboard/wall': 'staff', // the same figures as the dashboard's today, on a wall display
  '/roster/[slug]': 'staffAtPort',
  '/appointments/[id]': 'staffAtPort',
  '/audit': 'leads',
  '/review': 'leads',
  '/admin': 'admin',
  '/admin/capacity': 'admin',
  '/admin/import': 'admin',
  '/admin/intake-keys': 'admin',
  '/admin/outcome-codes': 'admin',
  '/admin/ports': 'admin',
  '/admin/users': 'admin',
  '/api/docs': 'public', // the API reference (a route handler, not a page.tsx): the contract is public
};

/** Result classes: what a response says about authorization, not about the request's own merits. */
export type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'hidden' | 'page' | 'to-sign-in' | 'to-home' | 'elsewhere' | 'not-found' | 'error';
export const DENIALS: ReadonlySet<Outcome> = new Set(['unauthenticated', 'forbidden', 'hidden', 'to-sign-in', 'to-home']);

const isPerson = (s: Subject) => s in PEOPLE;
const isOfficer = (s: Subject) => s === 'officerA' || s === 'officerB';
const ownPort = (s: Subject, t: Target) => (s === 'officerA' && t === 'A') || (s === 'officerB' && t === 'B');

export function expectedApi(policy: Policy, s: Subject, t: Target): Outcome {
  switch (policy) {
    case 'public':
      return 'allowed';
    case 'staff':
      return isPerson(s) ? 'allowed' : 'unauthenticated';
    case 'staffAtPort':
      if (!isPerson(s)) return 'unauthenticated';
      return isOfficer(s) && t !== null && !ownPort(s, t) ? 'hidden' : 'allowed';
    case 'leads':
      if (!isPerson(s)) return 'unauthenticated';
      return isOfficer(s) ? 'forbidden' : 'allowed';
    case 'admin':
      if (!isPerson(s)) return 'unauthenticated';
      return s === 'admin' ? 'allowed' : 'forbidden';
    case 'intakeKey':
      return s === 'validKey' ? 'allowed' : 'unauthenticated';
    case 'intakeKeyOrAdmin':
      if (s === 'validKey' || s === 'admin') return 'allowed';
      return isPerson(s) ? 'forbidden' : 'unauthenticated';
    default:
      throw new Error(`policy ${policy} is for pages`);
  }
}

export function expectedPage(policy: Policy, s: Subject, t: Target): Outcome {
  if (policy === 'public') return 'page';
  // Intake keys open no page: to a page, a Bearer header is no session.
  if (policy === 'signIn') return isPerson(s) ? 'elsewhere' : 'page';
  if (!isPerson(s)) return 'to-sign-in';
  switch (policy) {
    case 'entry':
      return 'elsewhere';
    case 'staff':
      return 'page';
    case 'portList':
      return isOfficer(s) ? 'elsewhere' : 'page';
    case 'staffAtPort':
      return isOfficer(s) && t !== null && !ownPort(s, t) ? 'hidden' : 'page';
    case 'leads':
      return isOfficer(s) ? 'to-home' : 'page';
    case 'admin':
      return s === 'admin' ? 'page' : 'to-home';
    default:
      throw new Error(`policy ${policy} is for API routes`);
  }
}
