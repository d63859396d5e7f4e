import {
  appointmentBadgeClass,
  buildChart,
  errorText,
  firstErrorText,
  formatDuration,
  niceCeiling,
  prettyJson,
  reduceErrors,
  shortDay,
  splitLines,
  STATUS_OPTIONS,
  statusBadgeClass,
  statusLabel
} from 'c/vclCallFormat';

describe('c-vcl-call-format', () => {
  describe('formatDuration', () => {
    it.each([
      [222, '3 min 42 sec'],
      [0, '0 sec'],
      [59, '59 sec'],
      [60, '1 min 0 sec'],
      [3600, '1 hr 0 min 0 sec'],
      [3725, '1 hr 2 min 5 sec'],
      [61.6, '1 min 2 sec']
    ])('formats %p seconds as %p', (seconds, expected) => {
      expect(formatDuration(seconds)).toBe(expected);
    });

    it.each([null, undefined, -1, Number.NaN])('returns an empty string for %p', (value) => {
      expect(formatDuration(value)).toBe('');
    });
  });

  describe('statuses', () => {
    it('labels Dead_Letter as Dead Letter and keeps the others', () => {
      expect(statusLabel('Dead_Letter')).toBe('Dead Letter');
      expect(statusLabel('Logged')).toBe('Logged');
      expect(statusLabel(null)).toBe('');
    });

    it('offers every status in picklist order', () => {
      expect(STATUS_OPTIONS.map((o) => o.value)).toEqual([
        'Received',
        'Logged',
        'Unmatched',
        'Invalid',
        'Failed',
        'Dead_Letter'
      ]);
    });

    it('colours statuses and appointments with SLDS badge themes', () => {
      expect(statusBadgeClass('Logged')).toContain('slds-theme_success');
      expect(statusBadgeClass('Unmatched')).toContain('slds-theme_warning');
      expect(statusBadgeClass('Dead_Letter')).toContain('slds-theme_error');
      expect(statusBadgeClass('Something')).toBe('slds-badge');
      expect(appointmentBadgeClass('Cancelled')).toContain('slds-theme_error');
      expect(appointmentBadgeClass('Rescheduled')).toContain('slds-theme_warning');
      expect(appointmentBadgeClass('Booked')).toContain('slds-theme_success');
    });
  });

  describe('prettyJson and splitLines', () => {
    it('indents valid JSON', () => {
      expect(prettyJson('{"a":1,"b":[true]}')).toEqual({
        text: '{\n  "a": 1,\n  "b": [\n    true\n  ]\n}',
        valid: true
      });
    });

    it('returns invalid JSON unchanged', () => {
      expect(prettyJson('{"a":')).toEqual({ text: '{"a":', valid: false });
      expect(prettyJson(null)).toEqual({ text: '', valid: false });
    });

    it('splits a trail into non-empty lines', () => {
      expect(splitLines('one\r\n\n two \nthree')).toEqual(['one', 'two', 'three']);
      expect(splitLines(undefined)).toEqual([]);
    });
  });

  describe('reduceErrors', () => {
    it('reads Apex, UI API and JS errors', () => {
      expect(reduceErrors({ body: { message: 'Apex said no' } })).toEqual(['Apex said no']);
      expect(reduceErrors([{ body: [{ message: 'a' }, { message: 'b' }] }])).toEqual(['a', 'b']);
      expect(
        reduceErrors({
          body: {
            pageErrors: [{ message: 'page' }],
            fieldErrors: { Phone: [{ message: 'field' }] }
          }
        })
      ).toEqual(['page', 'field']);
      expect(reduceErrors(new Error('boom'))).toEqual(['boom']);
      expect(reduceErrors(undefined)).toEqual(['Unknown error']);
      expect(errorText(['x', 'y'])).toBe('x y');
    });

    it('shows the first error present: an action error before the status load error', () => {
      const loadError = { body: { message: 'Insufficient access' } };
      expect(firstErrorText('Save failed', loadError)).toBe('Save failed');
      expect(firstErrorText(null, loadError)).toBe('Insufficient access');
      expect(firstErrorText('', undefined)).toBeNull();
    });
  });

  describe('chart', () => {
    it.each([
      [0, 1],
      [1, 1],
      [3, 5],
      [7, 10],
      [12, 20],
      [180, 200],
      [501, 1000]
    ])('rounds a maximum of %p up to %p', (max, ceiling) => {
      expect(niceCeiling(max)).toBe(ceiling);
    });

    it('formats Apex dates without a time zone shift', () => {
      expect(shortDay('2026-11-20')).toBe('Nov 20');
      expect(shortDay('not a date')).toBe('not a date');
    });

    it('stacks logged, unmatched and failed inside the plot', () => {
      const chart = buildChart(
        [
          { day: '2026-11-19', logged: 6, unmatched: 2, failed: 2 },
          { day: '2026-11-20', logged: 0, unmatched: 0, failed: 0 }
        ],
        640,
        220
      );
      expect(chart.ceiling).toBe(10);
      const [full, empty] = chart.columns;
      expect(full.segments.map((s) => s.className)).toEqual([
        'bar bar-logged',
        'bar bar-unmatched',
        'bar bar-failed'
      ]);
      const plotHeight = chart.plotBottom - chart.plotTop;
      expect(full.segments[0].height).toBeCloseTo(plotHeight * 0.6);
      expect(full.segments[2].y).toBeCloseTo(chart.plotTop);
      expect(full.segments[0].title).toBe('Nov 19: 6 logged');
      expect(full.summary).toBe('6 logged, 2 unmatched, 2 failed');
      expect(empty.segments).toEqual([]);
      expect(chart.ticks.map((t) => t.value)).toEqual([0, 5, 10]);
      expect(full.labelX).toBeLessThan(empty.labelX);
    });
  });
});
