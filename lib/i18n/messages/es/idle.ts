import type { Messages } from '../en';

export const idle: Messages['idle'] = {
  title: '¿Sigue ahí?',
  body: 'Por seguridad en los quioscos compartidos, su sesión se cerrará en {seconds} segundos.',
  stay: 'Seguir conectado',
  hint: 'Pulse cualquier tecla para seguir conectado.',
  pendingOne: '{count} acción aún no llega al servidor. Queda en este equipo y se envía cuando vuelva a iniciar sesión aquí.',
  pendingOther: '{count} acciones aún no llegan al servidor. Quedan en este equipo y se envían cuando vuelva a iniciar sesión aquí.',
};
