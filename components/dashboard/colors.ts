/**
 * Chart colours: the STATUS_STYLE families of components/roster/StatusBadge.tsx (slate, blue,
 * amber, grey, green, muted grey) in shades that keep at least 3:1 against white, as WCAG asks
 * of graphics. Colour is never the only signal: every series has a legend entry and a table.
 */
export const CHART_COLOR = {
  scheduled: '#475569', // slate-600
  checked_in: '#1d4ed8', // blue-700
  late: '#b45309', // amber-700
  no_show: '#4b5563', // gray-600
  processed: '#15803d', // green-700
  cancelled: '#6b7280', // gray-500
  capacity: '#0f172a', // slate-900: not a status, drawn as a dashed line
} as const;

/** Outcomes are all processed appointments: shades of the processed green family, dark to light. */
export const OUTCOME_COLORS = ['#14532d', '#15803d', '#0f766e', '#4d7c0f', '#166534', '#047857', '#3f6212', '#115e59'] as const;
