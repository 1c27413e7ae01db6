'use client';

import { useRef, useState } from 'react';
import { interpolate } from '@/lib/i18n/translate';

export interface RosterUploadLabels {
  fileLabel: string;
  fileHint: string;
  upload: string;
  uploading: string;
  processing: string;
  done: string;
  failed: string;
  reportTitle: string;
  row: string;
  column: string;
  problem: string;
  wholeFile: string;
  noFile: string;
  networkError: string;
}

interface Problem {
  row: number;
  column: string | null;
  message: string;
}

type State =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'processing' }
  | { kind: 'done'; imported: number; unchanged: number }
  | { kind: 'failed'; message: string; rows: Problem[] };


/** Upload with XMLHttpRequest: fetch cannot report upload progress, and large rosters take a while. */
export function RosterUpload({ labels }: { labels: RosterUploadLabels }) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setState({ kind: 'failed', message: labels.noFile, rows: [] });
      input.current?.focus();
      return;
    }
    const isJson = file.name.toLowerCase().endsWith('.json') || file.type === 'application/json';
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/intake/rosters');
    xhr.setRequestHeader('Content-Type', isJson ? 'application/json' : 'text/csv');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setState({ kind: 'uploading', percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => setState({ kind: 'processing' });
    xhr.onerror = () => setState({ kind: 'failed', message: labels.networkError, rows: [] });
    xhr.onload = () => {
      let body: { imported?: number; unchanged?: number; error?: { message: string; rows?: Problem[] } } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // A proxy error page: fall through to the generic message.
      }
      if (xhr.status === 200 && typeof body.imported === 'number') {
        setState({ kind: 'done', imported: body.imported, unchanged: body.unchanged ?? 0 });
      } else {
        setState({ kind: 'failed', message: body.error?.message ?? labels.networkError, rows: body.error?.rows ?? [] });
      }
    };
    setState({ kind: 'uploading', percent: 0 });
    xhr.send(file);
  }

  const busy = state.kind === 'uploading' || state.kind === 'processing';
  return (
    <form onSubmit={submit} className="max-w-3xl space-y-4" noValidate>
      <div>
        <label htmlFor="roster-file" className="block font-semibold">
          {labels.fileLabel}
        </label>
        <p id="roster-file-hint" className="mb-1 text-sm break-words text-slate-700">
          {labels.fileHint}
        </p>
        <input
          ref={input}
          id="roster-file"
          name="file"
          type="file"
          accept=".csv,text/csv,.json,application/json"
          aria-describedby="roster-file-hint"
          className="block min-h-11 w-full rounded border border-slate-500 bg-white p-2"
        />
      </div>
      <button
        type="submit"
        disabled={busy}
        className="min-h-11 rounded bg-blue-800 px-5 font-semibold text-white focus:outline-none focus-visible:ring-4 focus-visible:ring-blue-400 disabled:bg-slate-500"
      >
        {labels.upload}
      </button>
      <div aria-live="polite" className="space-y-3">
        {state.kind === 'uploading' && (
          <div>
            <p>{interpolate(labels.uploading, { percent: state.percent })}</p>
            <progress max={100} value={state.percent} className="w-full" aria-label={labels.fileLabel} />
          </div>
        )}
        {state.kind === 'processing' && <p>{labels.processing}</p>}
        {state.kind === 'done' && (
          <p className="rounded border-l-4 border-green-700 bg-green-50 p-3 font-semibold text-green-900">
            {interpolate(labels.done, { imported: state.imported, unchanged: state.unchanged })}
          </p>
        )}
        {state.kind === 'failed' && (
          <div className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
            <p className="font-semibold">{labels.failed} {state.message}</p>
            {state.rows.length > 0 && (
              <>
                <h2 className="mt-3 text-lg font-bold">{labels.reportTitle}</h2>
                <table className="mt-2 w-full border-collapse bg-white text-left text-slate-900">
                  <thead>
                    <tr className="border-b-2 border-slate-400">
                      <th scope="col" className="px-2 py-1">{labels.row}</th>
                      <th scope="col" className="px-2 py-1">{labels.column}</th>
                      <th scope="col" className="px-2 py-1">{labels.problem}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {state.rows.map((r, i) => (
                      <tr key={i} className="border-b border-slate-200">
                        <td className="px-2 py-1">{r.row}</td>
                        <td className="px-2 py-1 font-mono">{r.column ?? labels.wholeFile}</td>
                        <td className="px-2 py-1">{r.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
