import type { Messages } from '../en';

export const roles: Messages['roles'] = {
  officer: 'Oficial',
  supervisor: 'Supervisor',
  admin: 'Administrador',
};
