export const roles = {
  officer: 'Officer',
  supervisor: 'Supervisor',
  admin: 'Administrator',
} as const;
