import type { Messages } from '../en';

export const home: Messages['home'] = {
  adminTitle: 'Administración',
  adminIntro: 'Puertos, límites diarios de citas, códigos de resultado, usuarios y claves de ingreso.',
  portsTitle: 'Puertos',
  portsIntro: 'Los puertos de entrada y su fecha local actual.',
  supervisorTitle: 'Resumen de puertos',
  columns: {
    name: 'Puerto',
    state: 'Estado',
    code: 'Código',
    timeZone: 'Zona horaria',
    today: 'Fecha local',
    grace: 'Tolerancia (minutos)',
    status: 'Situación',
  },
  active: 'Activo',
  suspended: 'Suspendido',
  openRoster: 'Abrir lista',
};
