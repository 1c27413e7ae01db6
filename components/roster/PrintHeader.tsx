/** Only on paper: which port, which date, and when the roster was printed (port-local). */
export function PrintHeader({ portName, date, printed }: { portName: string; date: string; printed: string }) {
  return (
    <p className="hidden print:block">
      {portName} · {date} · {printed}
    </p>
  );
}
