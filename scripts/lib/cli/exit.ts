/** Exit codes and one-line refusals shared by the org scripts. */

/** Nothing ran because there is no org to run against (never a pass). */
export const EXIT_NO_ORG = 2;
/** Wrong usage (unknown option, missing file). */
export const EXIT_USAGE = 64;

/** Prints one line to stderr and exits; `code` ≠ 0 always. */
export function refuse(message: string, code: number = EXIT_NO_ORG): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** Runs an async main, turning an exception into one clear line and exit code 1. */
export function runMain(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      if (typeof code === 'number') process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`error: ${message}\n`);
      if (process.env.DEBUG !== undefined && error instanceof Error && error.stack !== undefined) {
        process.stderr.write(`${error.stack}\n`);
      }
      process.exitCode = error instanceof Error && error.name === 'UsageError' ? 64 : 1;
    }
  );
}
