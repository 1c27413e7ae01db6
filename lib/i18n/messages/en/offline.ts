/** The kiosk's offline queue and the review of stale offline taps. */
export const offline = {
  pendingRow: 'Pending, not yet on the server ({action}, tapped {time}).',
  bannerOne: '{count} action waiting for the network',
  bannerOther: '{count} actions waiting for the network',
  queued: 'Not yet on the server: {action} for {name} kept on this device. It is sent when the connection is back.',
  accepted: 'Sent from this device: {result}',
  alreadyDone: 'Already checked in by {name} at {time} (another kiosk).',
  refused: 'Not recorded: the server refused it: {reason}',
  outcomeAccepted: 'Sent from this device: outcome recorded for {name}.',
  outcomeAlready: 'Outcome already recorded by {name} at {time}; the one kept on this device was not saved.',
  pendingOutcome: 'Pending, not yet on the server: the outcome “{outcome}” is kept on this device since {time} and is sent when the connection is back.',
  resultFor: '{name}: {result}',
  actions: {
    'check-in': 'check-in',
    'no-show': 'no-show',
    undo: 'undo',
    outcome: 'outcome',
  },
  signOutWarnOne: '{count} action has not reached the server yet. It stays on this device and is sent when you sign in here again. Sign out anyway?',
  signOutWarnOther: '{count} actions have not reached the server yet. They stay on this device and are sent when you sign in here again. Sign out anyway?',
  reviewTimes: 'Recorded offline at {recorded}, received at {received}: older than the offline limit, so judged at the received time. If the tap time is right, correct the status on the record with a reason.',
} as const;
