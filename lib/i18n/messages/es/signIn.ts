import type { Messages } from '../en';

export const signIn: Messages['signIn'] = {
  title: 'Iniciar sesión',
  intro: 'Use la cuenta que le dio su administrador.',
  email: 'Correo electrónico',
  password: 'Contraseña',
  submit: 'Iniciar sesión',
  submitting: 'Iniciando sesión…',
  invalid: 'El correo o la contraseña no son correctos.',
  throttled: 'Demasiados intentos fallidos desde aquí o para esta cuenta. Espere un momento e inténtelo de nuevo: la espera crece con cada fallo, hasta {minutes} minutos como máximo. Su quiosco habitual no se ve afectado.',
  missing: 'Escriba su correo y su contraseña.',
  signedOut: 'Ha cerrado la sesión.',
  idleSignedOut: 'Se cerró su sesión tras {minutes} minutos sin actividad.',
  expired: 'Su sesión terminó. Inicie sesión de nuevo.',
  sso: 'Iniciar sesión con {provider}',
  or: 'o',
  demoHint: 'Las cuentas de demostración usan la contraseña de DEMO_PASSWORD.',
};
