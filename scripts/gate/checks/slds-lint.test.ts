import { parseSldsSarif, sldsMessage } from './slds-lint';

const RULE = 'slds/no-hardcoded-values-slds2';

describe('slds-lint', () => {
  it('keeps the sentence of the message slds-linter wraps in JSON', () => {
    const text =
      '{"message":"Consider replacing the #dd7a01 static value with an SLDS 2 styling hook that has a similar value: \\n1. --slds-g-color-palette-orange-60\\n2. --slds-g-color-border-warning-1 (slds/no-hardcoded-values-slds2)","suggestions":[]} (slds/no-hardcoded-values-slds2).';
    expect(sldsMessage(text)).toBe(
      'Consider replacing the #dd7a01 static value with an SLDS 2 styling hook that has a similar value: 1. --slds-g-color-palette-orange-60 2. --slds-g-color-border-warning-1 (slds/no-hardcoded-values-slds2)'
    );
  });

  it('keeps a plain message as it is', () => {
    expect(sldsMessage('Unexpected unknown property')).toBe('Unexpected unknown property');
  });

  it('turns every result, warnings included, into an error finding with its place and rule', () => {
    const findings = parseSldsSarif({
      runs: [
        {
          results: [
            {
              level: 'warning',
              ruleId: RULE,
              message: {
                text: `{"message":"There's no replacement styling hook for the 30rem static value.","suggestions":[]} (${RULE}).`
              },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'lwc-src/a/a.css' },
                    region: { startLine: 4, startColumn: 11 }
                  }
                }
              ]
            }
          ]
        },
        { results: [] }
      ]
    });
    expect(findings).toEqual([
      {
        checker: 'slds-lint',
        file: 'lwc-src/a/a.css',
        line: 4,
        col: 11,
        message: `There's no replacement styling hook for the 30rem static value. (${RULE})`
      }
    ]);
  });

  it('finds nothing in a report without results', () => {
    expect(parseSldsSarif({ runs: [{}] })).toEqual([]);
  });
});
