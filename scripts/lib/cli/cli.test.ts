import { intOption, parseArgs, usage, UsageError } from './args';
import { CommandError, formatCommand, parseSfJson, run } from './exec';
import { formatTable } from './table';

const SPECS = [
  { name: 'target-org', short: 'o', value: true, description: 'org' },
  { name: 'days', value: true, description: 'days' },
  { name: 'keep', value: false, description: 'keep' }
];

describe('parseArgs', () => {
  it('reads --name value, --name=value, short aliases, switches and positionals', () => {
    const args = parseArgs(['-o', 'dev', '--days=3', '--keep', 'extra', '--', '--not-a-flag'], SPECS);
    expect(args.values.get('target-org')).toBe('dev');
    expect(args.values.get('days')).toBe('3');
    expect(args.switches.has('keep')).toBe(true);
    expect(args.positionals).toEqual(['extra', '--not-a-flag']);
  });

  it('refuses unknown options, missing values and values on switches', () => {
    expect(() => parseArgs(['--target-orgg', 'x'], SPECS)).toThrow(
      new UsageError('unknown option --target-orgg')
    );
    expect(() => parseArgs(['--target-org'], SPECS)).toThrow(/needs a value/);
    expect(() => parseArgs(['--target-org', '--keep'], SPECS)).toThrow(/needs a value/);
    expect(() => parseArgs(['--target-org='], SPECS)).toThrow(/non-empty/);
    expect(() => parseArgs(['--keep=yes'], SPECS)).toThrow(/takes no value/);
    expect(() => parseArgs(['-x'], SPECS)).toThrow(/unknown option -x/);
  });

  it('parses bounded integers with the option name in errors', () => {
    expect(intOption(parseArgs(['--days', '7'], SPECS), 'days', 1, 1, 30)).toBe(7);
    expect(intOption(parseArgs([], SPECS), 'days', 5)).toBe(5);
    expect(() => intOption(parseArgs(['--days', '31'], SPECS), 'days', 1, 1, 30)).toThrow(
      '--days must be between 1 and 30, got 31'
    );
    expect(() => intOption(parseArgs(['--days', 'x'], SPECS), 'days', 1)).toThrow(
      '--days must be a whole number, got "x"'
    );
  });

  it('renders usage with every option', () => {
    const text = usage('npm run x', 'Does x.', SPECS);
    expect(text).toContain('-o, --target-org <value>');
    expect(text).toContain('--keep');
  });
});

describe('formatTable', () => {
  it('aligns columns, right-aligns numbers on request and cuts long cells', () => {
    const text = formatTable(
      [
        { header: 'name', value: (r: { n: string; v: number }) => r.n, maxWidth: 6 },
        { header: 'value', value: (r: { n: string; v: number }) => r.v, align: 'right' }
      ],
      [
        { n: 'a', v: 1 },
        { n: 'a much longer name', v: 1234 }
      ]
    );
    expect(text.split('\n')).toEqual(['name    value', '------  -----', 'a           1', 'a muc…   1234']);
  });
});

describe('exec', () => {
  it('renders commands shell-quoted for logs', () => {
    expect(
      formatCommand({ file: 'sf', args: ['org', 'open', '--path', "/a b/it's"], description: 'x' })
    ).toBe("sf org open --path '/a b/it'\\''s'");
  });

  it('runs a program without a shell and reports failures with what ran and the exit code', async () => {
    const ok = await run(
      { file: process.execPath, args: ['-e', 'process.stdout.write("hi")'], description: 'say hi' },
      { echo: false }
    );
    expect(ok.stdout).toBe('hi');
    const failing = run(
      { file: process.execPath, args: ['-e', 'process.exit(3)'], description: 'exit three' },
      { echo: false }
    );
    await expect(failing).rejects.toThrow(CommandError);
    await expect(failing).rejects.toThrow(/exit three failed \(exit code 3\)/);
    await expect(
      run({ file: 'no-such-tool-here', args: [], description: 'missing tool' }, { echo: false })
    ).rejects.toThrow(/missing tool failed \(no-such-tool-here not found\)/);
  });

  it('passes arguments through untouched: no shell reads $(…), quotes or ; in them', async () => {
    const tricky = "it's $(echo no); `echo no` & echo no";
    const result = await run(
      {
        file: process.execPath,
        args: ['-e', 'process.stdout.write(process.argv[1])', tricky],
        description: 'echo an argument'
      },
      { echo: false }
    );
    expect(result.stdout).toBe(tricky);
  });

  it('stops a command that outlives its timeout', async () => {
    await expect(
      run(
        { file: process.execPath, args: ['-e', 'setTimeout(() => {}, 10000)'], description: 'sleep' },
        { echo: false, timeoutMs: 200 }
      )
    ).rejects.toThrow(/sleep failed \(timed out\)/);
  });

  it('reads sf --json output even after warnings', () => {
    expect(parseSfJson('Warning: something\n{"status":0,"result":{"a":1}}')).toEqual({
      status: 0,
      result: { a: 1 }
    });
    expect(parseSfJson('no json')).toBeUndefined();
  });
});
