import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import LOCALE from '@salesforce/i18n/locale';
import getHealth from '@salesforce/apex/SyncHealthController.getHealth';
import { buildChart, errorText, statusBadgeClass, statusTone } from 'c/callFormat';
/** Voice Setup card: calls of the last 24 hours by status and the 14-day stacked bar chart. */
export default class VoiceSyncHealth extends LightningElement {
    health;
    healthError;
    wiredHealthResult;
    @wire(getHealth)
    wiredHealth(result) {
        this.wiredHealthResult = result;
        if (result.data) {
            this.health = result.data;
            this.healthError = undefined;
        }
        else if (result.error) {
            this.healthError = result.error;
        }
    }
    get isHealthLoading() {
        return !this.health && !this.healthError;
    }
    get healthErrorMessage() {
        return this.healthError ? errorText(this.healthError) : null;
    }
    get statusCounts() {
        return (this.health?.last24Hours ?? []).map((s) => ({
            key: s.status,
            label: s.label,
            count: s.count ?? 0,
            badgeClass: statusBadgeClass(s.status),
            tone: statusTone(s.status)
        }));
    }
    get chart() {
        const days = (this.health?.days ?? []).map((d) => ({
            day: d.day,
            logged: d.logged ?? 0,
            unmatched: d.unmatched ?? 0,
            failed: d.failed ?? 0
        }));
        return buildChart(days, 640, 220, LOCALE);
    }
    get chartLabel() {
        const days = this.chart.columns;
        if (!days.length) {
            return 'Calls per day: no data';
        }
        const totals = days.reduce((sum, d) => sum + d.total, 0);
        return `Calls per day for the last ${days.length} days, stacked by outcome: ${totals} in all. The table below lists each day.`;
    }
    async handleRefreshHealth() {
        if (this.wiredHealthResult) {
            await refreshApex(this.wiredHealthResult);
        }
    }
}
