export const idle = {
  title: 'Are you still there?',
  body: 'For safety on shared kiosks you will be signed out in {seconds} seconds.',
  stay: 'Stay signed in',
  hint: 'Press any key to stay signed in.',
  pendingOne: '{count} action has not reached the server yet. It stays on this device and is sent when you sign in here again.',
  pendingOther: '{count} actions have not reached the server yet. They stay on this device and are sent when you sign in here again.',
} as const;
