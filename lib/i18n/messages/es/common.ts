import type { Messages } from '../en';

export const common: Messages['common'] = {
  appName: 'Port Roster',
  skipToContent: 'Saltar al contenido principal',
  signOut: 'Cerrar sesión',
  language: 'Idioma',
  english: 'English',
  spanish: 'Español',
  loading: 'Cargando…',
  close: 'Cerrar',
  cancel: 'Cancelar',
  save: 'Guardar',
  retry: 'Reintentar',
  back: 'Volver',
  signedInAs: 'Sesión de {name}',
  allPorts: 'Todos los puertos',
  port: 'Puerto',
  role: 'Función',
  offline: 'Sin conexión — reintentando…',
  reconnecting: 'Reconectando con el servidor…',
  unavailableBody: 'La base de datos no responde en este momento. Esta página lo vuelve a intentar sola cada {seconds} segundos; lo guardado antes se conserva.',
  keyboardHelp: 'Atajos de teclado',
};
