'use client';

import { useEffect } from 'react';

/** Goes to `href` after a pause: the way back once the database answers again (else it comes back here). */
export function ReloadSoon({ href, seconds }: { href: string; seconds: number }) {
  useEffect(() => {
    const timer = window.setTimeout(() => window.location.assign(href), seconds * 1000);
    return () => window.clearTimeout(timer);
  }, [href, seconds]);
  return null;
}
