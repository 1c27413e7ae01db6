import Link from 'next/link';

export function AdminBreadcrumb({ label, current }: { label: string; current: string }) {
  return (
    <nav aria-label={label} className="mb-2">
      <ol className="flex flex-wrap gap-2 text-sm">
        <li>
          <Link href="/admin" className="inline-flex min-h-11 items-center text-blue-800 underline">
            {label}
          </Link>
        </li>
        <li aria-hidden="true" className="flex items-center">
          /
        </li>
        <li aria-current="page" className="flex items-center">
          {current}
        </li>
      </ol>
    </nav>
  );
}
