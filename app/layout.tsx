import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getT } from '@/lib/i18n/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Port Roster', template: '%s · Port Roster' },
  description: 'Appointment roster for ports of entry',
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { t, locale } = await getT();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-blue-800"
        >
          {t('common.skipToContent')}
        </a>
        {children}
      </body>
    </html>
  );
}
