'use client';

import { useId, useState, type ReactNode } from 'react';
import type { AppLocale } from '@/lib/i18n/translate';
import { toCsv } from '@/lib/csv';
import { csvValue, formatCell, type ColumnKind } from './format';

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
}

export type Row = Record<string, string | number | null>;

export interface PanelLabels {
  showTable: string;
  showChart: string;
  downloadCsv: string;
  notAvailable: string;
}

/**
 * One chart with its title, a table alternative holding exactly the chart's numbers, and a CSV
 * download of the same rows. With `empty` set, the panel says so in words instead of drawing.
 */
export function ChartPanel({
  id,
  title,
  description,
  caption,
  columns,
  rows,
  locale,
  labels,
  fileName,
  empty,
  children,
}: {
  id: string;
  title: string;
  description: string;
  caption: string;
  columns: Column[];
  rows: Row[];
  locale: AppLocale;
  labels: PanelLabels;
  fileName: string;
  empty?: string;
  children: ReactNode;
}) {
  const [asTable, setAsTable] = useState(false);
  const regionId = useId();
  const descId = useId();

  function download() {
    const header = columns.map((c) => (c.kind === 'percent' ? `${c.label} (%)` : c.label));
    const body = rows.map((r) => columns.map((c) => csvValue(r[c.key], c.kind)));
    // A byte-order mark so spreadsheet programs read the accents as UTF-8.
    const blob = new Blob(['\ufeff', toCsv([header, ...body])], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <section aria-labelledby={`${id}-title`} className="rounded border border-slate-300 bg-white p-4" data-chart={id}>
      <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={`${id}-title`} className="text-lg font-bold">
            {title}
          </h3>
          <p id={descId} className="text-sm text-slate-700">
            {description}
          </p>
        </div>
        {!empty && (
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              aria-controls={regionId}
              aria-pressed={asTable}
              onClick={() => setAsTable((v) => !v)}
              className="min-h-11 rounded border border-slate-500 bg-white px-3 font-semibold text-slate-900 hover:bg-slate-100"
            >
              {asTable ? labels.showChart : labels.showTable}
            </button>
            <button
              type="button"
              onClick={download}
              className="min-h-11 rounded border border-blue-800 bg-blue-800 px-3 font-semibold text-white hover:bg-blue-900"
            >
              {labels.downloadCsv}
              <span className="sr-only">: {title}</span>
            </button>
          </div>
        )}
      </div>
      <div id={regionId}>
        {empty ? (
          <p className="py-6 text-lg">{empty}</p>
        ) : asTable ? (
          <div className="max-h-[28rem] overflow-auto" tabIndex={0} role="region" aria-label={caption}>
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{caption}</caption>
              <thead className="sticky top-0 bg-white">
                <tr className="border-b-2 border-slate-400">
                  {columns.map((c) => (
                    <th key={c.key} scope="col" className={`px-2 py-1 ${c.kind === 'text' || c.kind === 'date' ? '' : 'text-right'}`}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i} className="border-b border-slate-200">
                    {columns.map((c, j) =>
                      j === 0 ? (
                        <th key={c.key} scope="row" className="px-2 py-1 font-semibold">
                          {formatCell(r[c.key], c.kind, locale, labels.notAvailable)}
                        </th>
                      ) : (
                        <td key={c.key} className="px-2 py-1 text-right tabular-nums">
                          {formatCell(r[c.key], c.kind, locale, labels.notAvailable)}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <figure aria-describedby={descId} className="m-0">
            {children}
          </figure>
        )}
      </div>
    </section>
  );
}
