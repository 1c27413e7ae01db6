import type { Messages } from '../en';

export const offline: Messages['offline'] = {
  pendingRow: 'Pendiente, aún no está en el servidor ({action}, registrado {time}).',
  bannerOne: '{count} acción esperando la red',
  bannerOther: '{count} acciones esperando la red',
  queued: 'Aún no está en el servidor: {action} de {name} guardado en este equipo. Se envía cuando vuelva la conexión.',
  accepted: 'Enviado desde este equipo: {result}',
  alreadyDone: 'Ya registró su llegada {name} a las {time} (otro quiosco).',
  refused: 'No registrado: el servidor lo rechazó: {reason}',
  outcomeAccepted: 'Enviado desde este equipo: resultado registrado de {name}.',
  outcomeAlready: 'El resultado ya lo registró {name} a las {time}; el guardado en este equipo no se registró.',
  pendingOutcome: 'Pendiente, aún no está en el servidor: el resultado «{outcome}» está guardado en este equipo desde las {time} y se envía cuando vuelva la conexión.',
  resultFor: '{name}: {result}',
  actions: {
    'check-in': 'registro de llegada',
    'no-show': 'ausencia',
    undo: 'deshacer',
    outcome: 'resultado',
  },
  signOutWarnOne: '{count} acción aún no llega al servidor. Queda en este equipo y se envía cuando vuelva a iniciar sesión aquí. ¿Cerrar sesión de todos modos?',
  signOutWarnOther: '{count} acciones aún no llegan al servidor. Quedan en este equipo y se envían cuando vuelva a iniciar sesión aquí. ¿Cerrar sesión de todos modos?',
  reviewTimes: 'Registrado sin conexión a las {recorded}, recibido a las {received}: más antiguo que el límite sin conexión, por eso se juzgó a la hora de recepción. Si la hora del registro es correcta, corrija la situación en el expediente con un motivo.',
};
