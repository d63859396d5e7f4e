import { figureLines } from './npm-steps';

describe('figureLines', () => {
  it('keeps the "Figure: …" lines a test printed, without the prefix', () => {
    const output = [
      '  console.log',
      '    Figure: phone key oracle: 10 of 10 writings agree (100.00 %), 0 collisions',
      '      at Object.<anonymous> (x.test.ts:1:1)',
      'PASS scripts x.test.ts',
      '\u001b[2mFigure: \u001b[22mheap 42 KB'
    ].join('\n');
    expect(figureLines(output)).toEqual([
      'phone key oracle: 10 of 10 writings agree (100.00 %), 0 collisions',
      'heap 42 KB'
    ]);
  });
});
