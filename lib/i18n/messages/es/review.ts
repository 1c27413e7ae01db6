import type { Messages } from '../en';

export const review: Messages['review'] = {
  flagsHeading: 'Alertas de acaparamiento y duplicados',
  hiddenLinked: '{count} más en puertos que no puede ver',
  flagStatus: {
    open: 'Abierta',
    confirmed: 'Confirmada',
    dismissed: 'Descartada',
  },
  title: 'Cola de revisión',
  intro: 'Posible acaparamiento de citas o personas duplicadas detectadas al reservar o importar. Confirme o descarte cada caso con un motivo. Nada se cancela automáticamente.',
  empty: 'No hay alertas abiertas.',
  kinds: {
    multiple_bookings: 'Misma persona, varios puertos o fechas',
    identity_match: 'Identidad parecida',
    repeated_reference: 'Referencia o documento repetido',
    offline_tap: 'Registro sin conexión más antiguo que el límite',
  },
  flagged: 'Cita señalada',
  linked: 'Citas relacionadas',
  decision: 'Decisión',
  confirm: 'Confirmar',
  dismiss: 'Descartar',
  reason: 'Motivo',
  reasonHint: 'Obligatorio: qué verificó.',
  submit: 'Guardar decisión',
  saved: 'Decisión guardada.',
  born: 'nacido el {date}',
  nav: 'Revisión',
};
