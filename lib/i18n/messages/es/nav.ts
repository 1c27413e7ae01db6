import type { Messages } from '../en';

export const nav: Messages['nav'] = {
  main: 'Principal',
  roster: 'Lista del día',
  dashboard: 'Panel',
  administration: 'Administración',
  audit: 'Auditoría',
};
