import type { Messages } from '../en';

export const idle: Messages['idle'] = {
  title: '¿Sigue ahí?',
  body: 'Por seguridad en los quioscos compartidos, su sesión se cerrará en {seconds} segundos.',
  stay: 'Seguir conectado',
  hint: 'Pulse cualquier tecla para seguir conectado.',
};
