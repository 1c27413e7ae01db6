export const home = {
  adminTitle: 'Administration',
  adminIntro: 'Ports, daily slot limits, outcome codes, users and intake keys.',
  portsTitle: 'Ports',
  portsIntro: 'The ports of entry and their local date now.',
  supervisorTitle: 'Ports overview',
  columns: {
    name: 'Port',
    state: 'State',
    code: 'Code',
    timeZone: 'Time zone',
    today: 'Local date',
    grace: 'Grace (minutes)',
    status: 'Status',
  },
  active: 'Active',
  suspended: 'Suspended',
  openRoster: 'Open roster',
} as const;
