/**
 * Query keys, one factory per resource: a mutation invalidates exactly the keys it changes
 * (see invalidate.ts), and nothing else builds a key by hand.
 */
export const rosterKeys = {
  all: ['roster'] as const,
  day: (slug: string, date: string) => ['roster', slug, date] as const,
};

export const statsKeys = {
  all: ['stats'] as const,
  todayAll: ['stats', 'today'] as const,
  today: (ports: readonly string[]) => ['stats', 'today', [...ports].sort()] as const,
};
