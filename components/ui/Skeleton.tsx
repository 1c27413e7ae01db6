/**
 * What a page shows while its data is on the way: grey blocks in the shape of what is coming,
 * not blank space, announced once as "Loading…" (the blocks themselves are hidden from screen
 * readers). Used inside a page after its access checks (a loading.tsx would stream before them,
 * and a refusal or notFound() afterwards answers 200 instead of 404).
 */
export function Skeleton({ label, shape = 'table' }: { label: string; shape?: 'table' | 'dashboard' | 'list' }) {
  const block = 'animate-pulse rounded bg-slate-200 motion-reduce:animate-none';
  return (
    <div role="status" aria-busy="true" data-testid="skeleton">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="flex flex-col gap-4">
        <div className={`${block} h-10 w-2/5`} />
        {shape === 'dashboard' && (
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
            {Array.from({ length: 8 }, (_, i) => (
              <div key={i} className={`${block} h-24`} />
            ))}
          </div>
        )}
        {shape === 'list' ? (
          // Cards, as in the review queue and the record's timeline.
          Array.from({ length: 4 }, (_, i) => <div key={i} className={`${block} h-32`} />)
        ) : (
          <>
            <div className="grid grid-cols-2 gap-3 md:grid-cols-6">
              {Array.from({ length: 6 }, (_, i) => (
                <div key={i} className={`${block} h-20`} />
              ))}
            </div>
            <div className="flex flex-col gap-2">
              {Array.from({ length: 10 }, (_, i) => (
                <div key={i} className={`${block} h-12`} />
              ))}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
