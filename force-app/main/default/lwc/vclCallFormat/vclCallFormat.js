/**
 * Pure helpers shared by the voice call screens: duration text, status labels and badge styles,
 * JSON pretty-printing, error messages, and the geometry of the health chart.
 * No DOM, no Apex: everything here is unit-tested directly.
 */
/** `3 min 42 sec`, `1 hr 5 min 0 sec`, `45 sec`; empty for null, negative or non-numbers. */
export function formatDuration(totalSeconds) {
    if (totalSeconds === null ||
        totalSeconds === undefined ||
        !Number.isFinite(totalSeconds) ||
        totalSeconds < 0) {
        return '';
    }
    const seconds = Math.round(totalSeconds);
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const rest = seconds % 60;
    if (hours > 0) {
        return `${hours} hr ${minutes} min ${rest} sec`;
    }
    if (minutes > 0) {
        return `${minutes} min ${rest} sec`;
    }
    return `${rest} sec`;
}
const STATUS_LABELS = { Dead_Letter: 'Dead Letter' };
const STATUS_TONES = {
    Logged: 'success',
    Unmatched: 'warning',
    Invalid: 'error',
    Failed: 'error',
    Dead_Letter: 'error',
    Received: 'info'
};
const TONE_CLASSES = {
    success: 'slds-badge slds-theme_success',
    warning: 'slds-badge slds-theme_warning',
    error: 'slds-badge slds-theme_error',
    info: 'slds-badge slds-badge_lightest',
    neutral: 'slds-badge'
};
/** Status__c values in picklist order, with labels (the API name differs only for Dead_Letter). */
export const STATUS_OPTIONS = [
    'Received',
    'Logged',
    'Unmatched',
    'Invalid',
    'Failed',
    'Dead_Letter'
].map((value) => ({ value, label: statusLabel(value) }));
/** Label of a Status__c API name. */
export function statusLabel(status) {
    if (!status) {
        return '';
    }
    return STATUS_LABELS[status] ?? status;
}
/** How a status reads at a glance. */
export function statusTone(status) {
    return (status && STATUS_TONES[status]) || 'neutral';
}
/** SLDS badge classes for a status (lightning-badge has no colour variants). */
export function statusBadgeClass(status) {
    return TONE_CLASSES[statusTone(status)];
}
/** SLDS badge classes for an appointment status. */
export function appointmentBadgeClass(status) {
    if (status === 'Cancelled') {
        return TONE_CLASSES.error;
    }
    if (status === 'Rescheduled') {
        return TONE_CLASSES.warning;
    }
    return TONE_CLASSES.success;
}
/** Pretty-prints JSON text with 2-space indent; text that is not JSON comes back unchanged. */
export function prettyJson(raw) {
    if (raw === null || raw === undefined || raw.trim() === '') {
        return { text: '', valid: false };
    }
    try {
        return { text: JSON.stringify(JSON.parse(raw), null, 2), valid: true };
    }
    catch {
        return { text: raw, valid: false };
    }
}
/** Non-empty lines of a multi-line text field (e.g. the attempt trail), in order. */
export function splitLines(text) {
    if (!text) {
        return [];
    }
    return text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0);
}
/**
 * Messages of an error from Apex or the UI API (FetchResponse with a body, an array of them, or an Error),
 * after lwc-recipes' ldsUtils.reduceErrors.
 */
export function reduceErrors(errors) {
    const list = Array.isArray(errors) ? errors : [errors];
    const messages = [];
    for (const error of list) {
        if (error === null || error === undefined) {
            continue;
        }
        if (typeof error === 'string') {
            messages.push(error);
            continue;
        }
        if (typeof error !== 'object') {
            continue;
        }
        const body = error.body;
        if (Array.isArray(body)) {
            body.forEach((b) => b.message && messages.push(b.message));
        }
        else if (body) {
            if (body.pageErrors?.length) {
                body.pageErrors.forEach((e) => e.message && messages.push(e.message));
            }
            if (body.fieldErrors) {
                Object.values(body.fieldErrors).forEach((errs) => errs.forEach((e) => e.message && messages.push(e.message)));
            }
            if (body.output?.errors?.length) {
                body.output.errors.forEach((e) => e.message && messages.push(e.message));
            }
            if (body.message) {
                messages.push(body.message);
            }
        }
        else if (error.message) {
            messages.push(error.message);
        }
    }
    return messages.length ? messages : ['Unknown error'];
}
/** One message for display. */
export function errorText(error) {
    return reduceErrors(error).join(' ');
}
/**
 * The message a card shows: that of the first error present, in the order given (a card passes its last
 * action's error before the error loading its status), or null when there is none.
 */
export function firstErrorText(...errors) {
    const first = errors.find((error) => !!error);
    return first ? errorText(first) : null;
}
/** The smallest 1/2/5×10^n at or above `max` (at least 1), so chart gridlines fall on round numbers. */
export function niceCeiling(max) {
    if (!Number.isFinite(max) || max <= 1) {
        return 1;
    }
    const magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (const step of [1, 2, 5, 10]) {
        if (step * magnitude >= max) {
            return step * magnitude;
        }
    }
    return 10 * magnitude;
}
const SERIES = [
    { field: 'logged', label: 'Logged', className: 'bar bar-logged' },
    { field: 'unmatched', label: 'Unmatched', className: 'bar bar-unmatched' },
    { field: 'failed', label: 'Failed', className: 'bar bar-failed' }
];
/** `Nov 20` for an Apex Date (`2026-11-20`) in the given locale; the date is not shifted by time zone. */
export function shortDay(isoDate, locale = 'en-US') {
    const parsed = new Date(`${isoDate}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime())) {
        return isoDate;
    }
    return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(parsed);
}
/**
 * Stacked bars (logged, unmatched, failed from the bottom up), one column per day, in an SVG viewBox of
 * `width`×`height`; a left gutter for the axis labels and a bottom band for the day labels.
 */
export function buildChart(days, width = 640, height = 220, locale = 'en-US') {
    const plotLeft = 36;
    const plotTop = 10;
    const plotBottom = height - 28;
    const plotHeight = plotBottom - plotTop;
    const maxTotal = days.reduce((m, d) => Math.max(m, d.logged + d.unmatched + d.failed), 0);
    const ceiling = niceCeiling(maxTotal);
    const slot = days.length ? (width - plotLeft) / days.length : 0;
    const barWidth = Math.max(2, slot * 0.6);
    const scale = (value) => (value / ceiling) * plotHeight;
    const ticks = [0, 0.5, 1].map((f) => {
        const value = Math.round(ceiling * f * 10) / 10;
        return { key: `tick-${f}`, value, y: plotBottom - scale(value) };
    });
    const columns = days.map((d, i) => {
        const x = plotLeft + slot * i + (slot - barWidth) / 2;
        const label = shortDay(d.day, locale);
        let base = plotBottom;
        const segments = [];
        for (const s of SERIES) {
            const value = d[s.field];
            if (value > 0) {
                const h = scale(value);
                base -= h;
                segments.push({
                    key: `${d.day}-${s.field}`,
                    x,
                    y: base,
                    width: barWidth,
                    height: h,
                    className: s.className,
                    title: `${label}: ${value} ${s.label.toLowerCase()}`
                });
            }
        }
        const total = d.logged + d.unmatched + d.failed;
        return {
            key: d.day,
            label,
            labelX: x + barWidth / 2,
            total,
            summary: `${d.logged} logged, ${d.unmatched} unmatched, ${d.failed} failed`,
            segments
        };
    });
    return { width, height, plotTop, plotBottom, plotLeft, ceiling, ticks, columns };
}
