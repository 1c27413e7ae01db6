import type { InputHTMLAttributes, ReactNode } from 'react';

const INPUT = 'block min-h-11 w-full rounded border-2 border-slate-500 bg-white px-3 py-2 text-base';

/** Label above, help text below, error next to the field; all tied to the control for screen readers. */
export function Field({
  id,
  label,
  help,
  error,
  children,
  ...input
}: { id: string; label: string; help?: string; error?: string; children?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      {children ?? <input id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} className={INPUT} {...input} />}
      {help && (
        <p id={`${id}-help`} className="mt-1 text-sm text-slate-700">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

export function SelectField({
  id,
  name,
  label,
  help,
  error,
  options,
  value,
  defaultValue,
  onChange,
  required,
}: {
  id: string;
  name: string;
  label: string;
  help?: string;
  error?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  required?: boolean;
}) {
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <Field id={id} label={label} help={help} error={error}>
      <select
        id={id}
        name={name}
        value={value}
        defaultValue={defaultValue}
        required={required}
        onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={INPUT}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
