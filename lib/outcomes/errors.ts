/** Outcome and correction refusals as AppErrors, worded in the actor's language. */
import type { Locale } from '@/db/schema/enums';
import { AppError } from '@/lib/errors';
import type { RecordAppointment } from '@/lib/appointments/schemas';
import type { FieldProblem } from './rules';

const FIELD_TEXT: Record<FieldProblem, { en: string; es: string }> = {
  unknown_code: { en: 'not a known outcome code', es: 'no es un código de resultado conocido' },
  retired_code: { en: 'this outcome code is retired', es: 'este código de resultado está retirado' },
  notes_required: { en: 'a note is required for this outcome', es: 'este resultado requiere una nota' },
  language_required: { en: 'say which language was interpreted', es: 'indique qué idioma se interpretó' },
};

export function outcomeValidationError(fields: Partial<Record<string, FieldProblem>>, locale: Locale, prefix = ''): AppError {
  const out: Record<string, string> = {};
  for (const [field, problem] of Object.entries(fields)) if (problem) out[`${prefix}${field}`] = FIELD_TEXT[problem][locale];
  return new AppError('VALIDATION', 'The outcome is not complete or not valid.', { es: 'El resultado está incompleto o no es válido.', fields: out });
}

export function staleVersionError(current: RecordAppointment): AppError {
  return new AppError('STALE_VERSION', `Someone else changed this record first (now version ${current.version}, status ${current.status}). Review the current values and try again.`, {
    es: `Otra persona cambió este registro primero (ahora versión ${current.version}, situación ${current.status}). Revise los valores actuales e inténtelo de nuevo.`,
    details: { appointment: current },
  });
}
