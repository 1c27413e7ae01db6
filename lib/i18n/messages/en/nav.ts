export const nav = {
  main: 'Main',
  roster: 'Roster',
  dashboard: 'Dashboard',
  administration: 'Administration',
  audit: 'Audit trail',
} as const;
