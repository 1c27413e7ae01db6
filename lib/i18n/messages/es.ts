import type { Messages } from './en';
import { common } from './es/common';
import { roles } from './es/roles';
import { nav } from './es/nav';
import { signIn } from './es/signIn';
import { idle } from './es/idle';
import { home } from './es/home';
import { status } from './es/status';
import { roster } from './es/roster';
import { kiosk } from './es/kiosk';
import { errors } from './es/errors';
import { record } from './es/record';
import { outcomes } from './es/outcomes';
import { audit } from './es/audit';
import { admin } from './es/admin';
import { dashboard } from './es/dashboard';
import { intake } from './es/intake';
import { review } from './es/review';
import { validation } from './es/validation';
import { offline } from './es/offline';

export const es: Messages = {
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
};
