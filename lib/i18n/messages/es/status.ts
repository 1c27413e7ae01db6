import type { Messages } from '../en';

export const status: Messages['status'] = {
  scheduled: 'Programado',
  checked_in: 'Registrado',
  late: 'Tarde, cita perdida',
  no_show: 'No se presentó',
  processed: 'Procesado',
  cancelled: 'Cancelado',
};
