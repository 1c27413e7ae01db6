/**
 * Next.js calls register() once when a server starts. Validating the configuration here turns a
 * missing AUDIT_HMAC_KEY or AUTH_SECRET into a start-up error instead of a failing first request;
 * console output is scrubbed of personal data (lib/log.ts); then the audit checkpoint schedule starts
 * (lib/audit/checkpoint-schedule.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { scrubConsole } = await import('@/lib/log');
  scrubConsole();
  const { env } = await import('@/lib/env');
  env();
  const { startCheckpointSchedule } = await import('@/lib/audit/checkpoint-schedule');
  startCheckpointSchedule();
}
