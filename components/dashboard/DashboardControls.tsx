import type { Messages } from '@/lib/i18n/messages/en';
import { RANGE_PRESETS, type RangePreset, type RangeProblem } from '@/lib/stats/rules';

/**
 * The period and port chooser: a plain GET form, so the URL holds the choice (shareable,
 * reload-safe) and it works before any script has loaded.
 */
export function DashboardControls({
  m,
  preset,
  from,
  to,
  ports,
  selected,
  problems,
}: {
  m: Messages['dashboard'];
  preset: RangePreset;
  from: string;
  to: string;
  ports: { slug: string; name: string }[];
  selected: string[];
  problems: Partial<Record<'from' | 'to', RangeProblem>>;
}) {
  const field = 'min-h-11 rounded border border-slate-500 bg-white px-2';
  const errorOf = (name: 'from' | 'to') => problems[name] && m.problems[problems[name]];
  const entries = (['from', 'to'] as const).filter((f) => problems[f]);
  return (
    <form method="get" action="/dashboard" aria-labelledby="controls-title" className="mb-6 rounded border border-slate-300 bg-white p-4">
      <h2 id="controls-title" className="mb-3 text-xl font-bold">
        {m.controls}
      </h2>
      {entries.length > 0 && (
        <div role="alert" className="mb-3 rounded border-2 border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{m.errorSummary}</p>
          <ul className="list-disc pl-6">
            {entries.map((f) => (
              <li key={f}>
                <a href={`#range-${f}`} className="underline">
                  {m[f]}: {errorOf(f)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex flex-wrap gap-6">
        <fieldset>
          <legend className="mb-1 font-semibold">{m.period}</legend>
          <div className="flex flex-wrap gap-x-4">
            {RANGE_PRESETS.map((p) => (
              <label key={p} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="range" value={p} defaultChecked={preset === p} className="h-5 w-5" />
                {m.presets[p]}
              </label>
            ))}
          </div>
          <p id="range-hint" className="text-sm text-slate-700">
            {m.dateHint}
          </p>
          <div className="mt-1 flex flex-wrap gap-4">
            {(['from', 'to'] as const).map((f) => (
              <div key={f} className="flex flex-col">
                <label htmlFor={`range-${f}`} className="font-semibold">
                  {m[f]}
                </label>
                <input
                  id={`range-${f}`}
                  name={f}
                  type="date"
                  defaultValue={f === 'from' ? from : to}
                  aria-describedby={`range-hint${problems[f] ? ` range-${f}-error` : ''}`}
                  aria-invalid={problems[f] ? true : undefined}
                  className={field}
                />
                {problems[f] && (
                  <p id={`range-${f}-error`} className="text-sm font-semibold text-red-800">
                    {errorOf(f)}
                  </p>
                )}
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset aria-describedby="ports-hint">
          <legend className="mb-1 font-semibold">{m.ports}</legend>
          <p id="ports-hint" className="text-sm text-slate-700">
            {m.portsHint}
          </p>
          <div className="grid grid-cols-2 gap-x-4 sm:grid-cols-3">
            {ports.map((p) => (
              <label key={p.slug} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name="port" value={p.slug} defaultChecked={selected.includes(p.slug)} className="h-5 w-5" />
                {p.name}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <button type="submit" className="mt-3 min-h-11 rounded bg-blue-800 px-6 font-semibold text-white hover:bg-blue-900">
        {m.apply}
      </button>
    </form>
  );
}
