export const idle = {
  title: 'Are you still there?',
  body: 'For safety on shared kiosks you will be signed out in {seconds} seconds.',
  stay: 'Stay signed in',
  hint: 'Press any key to stay signed in.',
} as const;
