/**
 * English is the reference catalogue: es.ts must have exactly the same keys
 * (enforced by the Messages type), so no word of the UI exists in one language only.
 */
import { common } from './en/common';
import { roles } from './en/roles';
import { nav } from './en/nav';
import { signIn } from './en/signIn';
import { idle } from './en/idle';
import { home } from './en/home';
import { status } from './en/status';
import { roster } from './en/roster';
import { kiosk } from './en/kiosk';
import { errors } from './en/errors';
import { record } from './en/record';
import { outcomes } from './en/outcomes';
import { audit } from './en/audit';
import { admin } from './en/admin';
import { dashboard } from './en/dashboard';
import { intake } from './en/intake';
import { review } from './en/review';
import { validation } from './en/validation';
import { offline } from './en/offline';

export const en = {
  common,
  roles,
  nav,
  signIn,
  idle,
  home,
  status,
  roster,
  kiosk,
  errors,
  record,
  outcomes,
  audit,
  admin,
  dashboard,
  intake,
  review,
  validation,
  offline,
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
