'use client';

import { en } from '@/lib/i18n/messages/en';
import { es } from '@/lib/i18n/messages/es';

// Rendered without server data, so it carries both languages rather than guessing one.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const [a, b] = [en.common.crash, es.common.crash];
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16">
      <h1 className="mb-4 text-3xl font-bold">
        {a.title} <span lang="es">/ {b.title}</span>
      </h1>
      <p className="mb-6 text-lg">
        {a.body} <span lang="es">{b.body}</span>
      </p>
      <button type="button" onClick={reset} className="min-h-11 rounded bg-blue-800 px-4 font-semibold text-white">
        {a.retry} <span lang="es">/ {b.retry}</span>
      </button>
    </main>
  );
}
