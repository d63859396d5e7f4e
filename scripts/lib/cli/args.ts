/**
 * Small, strict argument parser for the ts-node scripts: `--name value`, `--name=value`, boolean `--flag`,
 * `-o value` short aliases. Unknown flags are errors (a typo must not silently target the default org).
 */

export interface FlagSpec {
  /** Long name without dashes, e.g. "target-org". */
  name: string;
  short?: string;
  /** true: takes a value; false: boolean switch. */
  value: boolean;
  description: string;
}

export type ParsedArgs = {
  values: Map<string, string>;
  switches: Set<string>;
  positionals: string[];
};

export class UsageError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short !== undefined).map((s) => [s.short as string, s]));
  const parsed: ParsedArgs = { values: new Map(), switches: new Set(), positionals: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    let spec: FlagSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
      spec = byLong.get(name);
      if (spec === undefined) throw new UsageError(`unknown option --${name}`);
    } else if (/^-[a-zA-Z]$/.test(arg)) {
      spec = byShort.get(arg.slice(1));
      if (spec === undefined) throw new UsageError(`unknown option ${arg}`);
    } else {
      parsed.positionals.push(arg);
      continue;
    }
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`--${spec.name} takes no value`);
      parsed.switches.add(spec.name);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const nextArg = argv[i + 1];
      if (nextArg === undefined || (nextArg.startsWith('-') && nextArg.length > 1)) {
        throw new UsageError(`--${spec.name} needs a value`);
      }
      value = nextArg;
      i += 1;
    }
    if (value.trim() === '') throw new UsageError(`--${spec.name} needs a non-empty value`);
    parsed.values.set(spec.name, value);
  }
  return parsed;
}

export function usage(command: string, summary: string, specs: readonly FlagSpec[]): string {
  const lines = specs.map((s) => {
    const names = `${s.short !== undefined ? `-${s.short}, ` : '    '}--${s.name}${s.value ? ' <value>' : ''}`;
    return `  ${names.padEnd(34)} ${s.description}`;
  });
  return [`Usage: ${command}`, summary, '', 'Options:', ...lines].join('\n');
}

/** Parses a positive integer option, with the option name in the error. */
export function intOption(
  args: ParsedArgs,
  name: string,
  fallback: number,
  min = 1,
  max = Number.MAX_SAFE_INTEGER
): number {
  const raw = args.values.get(name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}
