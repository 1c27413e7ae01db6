/** The fixed reference data of the demo (and of a fresh install's defaults): the rules they feed are docs/domain.md's. */

export interface DemoPort {
  slug: string;
  name: string;
  state: string;
  timeZone: string;
  code: string;
  sortOrder: number;
  /** Default daily slot limit for every weekday. */
  dailyLimit: number;
  /** Name of the port's demo officer. */
  officerName: string;
}

// Limits sum to exactly 1,000 (the national cap) for every weekday; San Ysidro and El Paso heaviest.
export const DEMO_PORTS: readonly DemoPort[] = [
  { slug: 'san-ysidro', name: 'San Ysidro', state: 'CA', timeZone: 'America/Los_Angeles', code: '2504', sortOrder: 10, dailyLimit: 300, officerName: 'Dana Whitfield' },
  { slug: 'calexico', name: 'Calexico', state: 'CA', timeZone: 'America/Los_Angeles', code: '2503', sortOrder: 20, dailyLimit: 90, officerName: 'Marco Villanueva' },
  { slug: 'nogales', name: 'Nogales', state: 'AZ', timeZone: 'America/Phoenix', code: '2604', sortOrder: 30, dailyLimit: 90, officerName: 'Teresa Begay' },
  { slug: 'el-paso', name: 'El Paso', state: 'TX', timeZone: 'America/Denver', code: '2402', sortOrder: 40, dailyLimit: 220, officerName: 'Ricardo Saenz' },
  { slug: 'eagle-pass', name: 'Eagle Pass', state: 'TX', timeZone: 'America/Chicago', code: '2303', sortOrder: 50, dailyLimit: 90, officerName: 'Kimberly Haas' },
  { slug: 'hidalgo', name: 'Hidalgo', state: 'TX', timeZone: 'America/Chicago', code: '2305', sortOrder: 60, dailyLimit: 110, officerName: 'Javier Treviño' },
  { slug: 'brownsville', name: 'Brownsville', state: 'TX', timeZone: 'America/Chicago', code: '2301', sortOrder: 70, dailyLimit: 100, officerName: 'Lauren Okafor' },
];

export const NATIONAL_DAILY_CAP = 1000;
export const DEFAULT_GRACE_MINUTES = 15;

export const OUTCOME_CODES = [
  { code: 'nta_parole', labelEn: 'Notice to Appear, paroled', labelEs: 'Notificación de comparecencia, con permiso de permanencia (parole)', requiresNote: false, sortOrder: 10 },
  { code: 'nta_release', labelEn: 'Notice to Appear, released on recognizance', labelEs: 'Notificación de comparecencia, liberación bajo palabra', requiresNote: false, sortOrder: 20 },
  { code: 'er_credible_fear', labelEn: 'Expedited removal, credible-fear referral', labelEs: 'Expulsión acelerada, remisión a entrevista de miedo creíble', requiresNote: false, sortOrder: 30 },
  { code: 'ice_custody', labelEn: 'Transferred to ICE custody', labelEs: 'Transferido a custodia de ICE', requiresNote: false, sortOrder: 40 },
  { code: 'withdrawal', labelEn: 'Permitted to withdraw application for admission', labelEs: 'Se le permitió retirar la solicitud de admisión', requiresNote: false, sortOrder: 50 },
  { code: 'other', labelEn: 'Other (note required)', labelEs: 'Otro (nota obligatoria)', requiresNote: true, sortOrder: 60 },
] as const;

export type OutcomeCode = (typeof OUTCOME_CODES)[number]['code'];

export const DEMO_ADMIN = { email: 'admin@example.gov', name: 'Alex Admin' } as const;
export const DEMO_SUPERVISOR = { email: 'supervisor@example.gov', name: 'Sam Supervisor' } as const;

export function demoOfficerEmail(slug: string): string {
  return `officer.${slug}@example.gov`;
}
