import type { AppointmentStatus } from '@/db/schema/enums';

/** One meaning, one colour, one icon, everywhere. Colour is never the only signal (WCAG 1.4.1): the icon and the word carry it too. */
export const STATUS_STYLE: Record<AppointmentStatus, { className: string; icon: string }> = {
  scheduled: { className: 'bg-slate-100 text-slate-800 border-slate-500', icon: '◷' },
  checked_in: { className: 'bg-blue-100 text-blue-900 border-blue-700', icon: '✓' },
  late: { className: 'bg-amber-100 text-amber-900 border-amber-700', icon: '⊘' },
  no_show: { className: 'bg-gray-200 text-gray-800 border-gray-600 line-through', icon: '–' },
  processed: { className: 'bg-green-100 text-green-900 border-green-700', icon: '✔' },
  cancelled: { className: 'bg-white text-gray-700 border-gray-400', icon: '✕' },
};

export function StatusBadge({ status, label }: { status: AppointmentStatus; label: string }) {
  const style = STATUS_STYLE[status];
  return (
    <span data-status={status} className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-2 py-0.5 text-sm font-semibold ${style.className}`}>
      <span aria-hidden="true">{style.icon}</span>
      {label}
    </span>
  );
}
