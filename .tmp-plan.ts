import { planPortDay } from '@/db/seed/day-plan';
import { addDays } from '@/lib/time';
let t = performance.now(); let n = 0;
const used = new Set<string>();
for (let i = 0; i < 651; i++) {
  const p = planPortDay({ seed: 1, portId: 1, slug: 'x' + (i % 7), timeZone: 'America/Los_Angeles', graceMinutes: 15, date: addDays('2026-08-27', Math.floor(i / 7)), today: '2026-11-25', now: new Date('2026-11-25T18:00:00Z'), dailyLimit: 143, officerId: '00000000-0000-4000-8000-000000000000', usedCodes: used });
  n += p.appointments.length;
}
console.log('plan ms', Math.round(performance.now() - t), n);
