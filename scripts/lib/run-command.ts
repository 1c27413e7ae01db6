/**
 * How a command ends: with the exit code its `main` returns, or, when it throws, one line on stderr and
 * exit 1 (or the code `exitCodeOf` gives for an error the command knows, e.g. a tampered audit chain).
 */
export function runCommand(failure: string, main: () => Promise<number>, exitCodeOf: (error: unknown) => number | null = () => null): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`${failure}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(exitCodeOf(error) ?? 1);
    },
  );
}
