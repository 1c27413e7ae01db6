'use client';

// Rendered without server data, so it carries both languages rather than guessing one.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-16">
      <h1 className="mb-4 text-3xl font-bold">
        Something went wrong <span lang="es">/ Algo salió mal</span>
      </h1>
      <p className="mb-6 text-lg">
        Try again in a moment. <span lang="es">Inténtelo de nuevo en un momento.</span>
      </p>
      <button type="button" onClick={reset} className="min-h-11 rounded bg-blue-800 px-4 font-semibold text-white">
        Try again <span lang="es">/ Reintentar</span>
      </button>
    </main>
  );
}
