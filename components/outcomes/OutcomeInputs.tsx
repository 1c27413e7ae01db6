'use client';

import type { Messages } from '@/lib/i18n/messages/en';
import { describedBy, Field, inputClass } from './FormParts';
import type { CodeChoice } from './code-choice';

export interface OutcomeValues {
  code: string;
  notes: string;
  interpreterUsed: boolean;
  interpreterLanguage: string;
}

/** The outcome fields shared by the officer's form and the supervisor's correction. */
export function OutcomeInputs({
  idPrefix,
  values,
  onChange,
  errors,
  codes,
  m,
  codeLabel,
  emptyChoice,
}: {
  idPrefix: string;
  values: OutcomeValues;
  onChange: (values: OutcomeValues) => void;
  errors: Record<string, string>;
  codes: CodeChoice[];
  m: Messages['outcomes'];
  codeLabel: string;
  emptyChoice: string;
}) {
  const chosen = codes.find((c) => c.code === values.code);
  const id = (f: string) => `${idPrefix}-${f}`;
  return (
    <>
      <Field id={id('code')} label={codeLabel} error={errors.code}>
        <select
          id={id('code')}
          value={values.code}
          onChange={(e) => onChange({ ...values, code: e.target.value })}
          aria-invalid={errors.code ? true : undefined}
          aria-describedby={describedBy(id('code'), false, !!errors.code)}
          className={inputClass}
        >
          <option value="">{emptyChoice}</option>
          {codes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id('notes')} label={m.notes} help={chosen?.requiresNote ? m.notesRequiredHelp : m.notesHelp} error={errors.notes}>
        <textarea
          id={id('notes')}
          value={values.notes}
          rows={4}
          maxLength={2000}
          onChange={(e) => onChange({ ...values, notes: e.target.value })}
          aria-invalid={errors.notes ? true : undefined}
          aria-required={chosen?.requiresNote ? true : undefined}
          aria-describedby={describedBy(id('notes'), true, !!errors.notes)}
          className={inputClass}
        />
      </Field>
      <div className="mb-4 flex min-h-11 items-center gap-3">
        <input
          id={id('interpreterUsed')}
          type="checkbox"
          checked={values.interpreterUsed}
          onChange={(e) => onChange({ ...values, interpreterUsed: e.target.checked })}
          className="h-6 w-6"
        />
        <label htmlFor={id('interpreterUsed')} className="font-semibold">
          {m.interpreterUsed}
        </label>
      </div>
      {values.interpreterUsed && (
        <Field id={id('interpreterLanguage')} label={m.interpreterLanguage} help={m.interpreterLanguageHelp} error={errors.interpreterLanguage}>
          <input
            id={id('interpreterLanguage')}
            value={values.interpreterLanguage}
            maxLength={3}
            autoComplete="off"
            onChange={(e) => onChange({ ...values, interpreterLanguage: e.target.value })}
            aria-invalid={errors.interpreterLanguage ? true : undefined}
            aria-describedby={describedBy(id('interpreterLanguage'), true, !!errors.interpreterLanguage)}
            className={`${inputClass} max-w-32`}
          />
        </Field>
      )}
    </>
  );
}

/** Instant feedback with the same rules as the server (which stays the authority). */
export function checkOutcome(values: OutcomeValues, codes: CodeChoice[], m: Messages['outcomes']): Record<string, string> {
  const errors: Record<string, string> = {};
  const chosen = codes.find((c) => c.code === values.code);
  if (!chosen) errors.code = m.required;
  if (chosen && (chosen.requiresNote || chosen.code === 'other') && values.notes.trim() === '') errors.notes = m.notesRequired;
  if (values.interpreterUsed && !/^[a-zA-Z]{2,3}$/.test(values.interpreterLanguage.trim())) errors.interpreterLanguage = m.languageRequired;
  return errors;
}

export function outcomeBody(values: OutcomeValues) {
  return {
    code: values.code,
    notes: values.notes.trim() === '' ? null : values.notes,
    interpreterUsed: values.interpreterUsed,
    interpreterLanguage: values.interpreterUsed ? values.interpreterLanguage.trim().toLowerCase() : null,
  };
}
