export const status = {
  scheduled: 'Scheduled',
  checked_in: 'Checked in',
  late: 'Late, slot forfeited',
  no_show: 'No-show',
  processed: 'Processed',
  cancelled: 'Cancelled',
} as const;
