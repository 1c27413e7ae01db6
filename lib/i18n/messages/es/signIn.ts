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
  ssoRefused: 'El inicio de sesión único funcionó, pero esta cuenta no puede usar Port Roster: no existe aquí o fue desactivada. Consulte a su administrador.',
  ssoUnverified: 'Su proveedor de identidad no ha verificado este correo, así que Port Roster no puede aceptarlo. Consulte al administrador de su proveedor de identidad o inicie sesión con su contraseña.',
  ssoFailed: 'El inicio de sesión único no se completó. Inténtelo de nuevo o inicie sesión con su contraseña.',
  demoHint: 'Las cuentas de demostración usan la contraseña de DEMO_PASSWORD.',
};
