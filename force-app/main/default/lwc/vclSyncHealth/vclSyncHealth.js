import { LightningElement, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import LOCALE from '@salesforce/i18n/locale';
import getDashboardId from '@salesforce/apex/VclSyncHealthController.getDashboardId';
import getHealth from '@salesforce/apex/VclSyncHealthController.getHealth';
import { buildChart, errorText, statusBadgeClass, statusTone } from 'c/vclCallFormat';
import { fromWire, isLoading, NOT_LOADED, refreshWire } from 'c/vclWireState';
/**
 * Voice Setup card: calls of the last 24 hours by status, the 14-day stacked bar chart and a link to the
 * packaged Voice Calls dashboard (shown only when the user can open it).
 */
export default class VclSyncHealth extends NavigationMixin(LightningElement) {
    healthState = NOT_LOADED;
    /** URL of the Voice Calls dashboard; undefined while unknown or when the user cannot see it. */
    dashboardUrl;
    @wire(getDashboardId)
    wiredDashboardId({ data }) {
        if (!data) {
            // No dashboard the user can see (or the lookup failed): the card simply shows no link.
            this.dashboardUrl = undefined;
            return;
        }
        this.generateDashboardUrl(data);
    }
    async generateDashboardUrl(dashboardId) {
        this.dashboardUrl = await this[NavigationMixin.GenerateUrl]({
            type: 'standard__recordPage',
            attributes: { recordId: dashboardId, objectApiName: 'Dashboard', actionName: 'view' }
        });
    }
    @wire(getHealth)
    wiredHealth(result) {
        this.healthState = fromWire(this.healthState, result);
    }
    get health() {
        return this.healthState.data;
    }
    get isHealthLoading() {
        return isLoading(this.healthState);
    }
    get healthErrorMessage() {
        return this.healthState.error ? errorText(this.healthState.error) : null;
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
        await refreshWire(this.healthState);
    }
}
