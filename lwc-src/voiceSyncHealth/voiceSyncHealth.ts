import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import LOCALE from '@salesforce/i18n/locale';
import getHealth from '@salesforce/apex/SyncHealthController.getHealth';
import type { ApexWireResult, SyncHealthController_Health as Health } from '@salesforce/apex-types';
import { buildChart, errorText, statusBadgeClass, statusTone } from 'c/callFormat';
import type { ChartModel } from 'c/callFormat';

/** Voice Setup card: calls of the last 24 hours by status and the 14-day stacked bar chart. */
export default class VoiceSyncHealth extends LightningElement {
  health?: Health;
  healthError: unknown;
  private wiredHealthResult?: ApexWireResult<Health>;

  @wire(getHealth)
  wiredHealth(result: ApexWireResult<Health>): void {
    this.wiredHealthResult = result;
    if (result.data) {
      this.health = result.data;
      this.healthError = undefined;
    } else if (result.error) {
      this.healthError = result.error;
    }
  }

  get isHealthLoading(): boolean {
    return !this.health && !this.healthError;
  }

  get healthErrorMessage(): string | null {
    return this.healthError ? errorText(this.healthError) : null;
  }

  get statusCounts(): Array<{ key: string; label: string; count: number; badgeClass: string; tone: string }> {
    return (this.health?.last24Hours ?? []).map((s) => ({
      key: s.status,
      label: s.label,
      count: s.count ?? 0,
      badgeClass: statusBadgeClass(s.status),
      tone: statusTone(s.status)
    }));
  }

  get chart(): ChartModel {
    const days = (this.health?.days ?? []).map((d) => ({
      day: d.day,
      logged: d.logged ?? 0,
      unmatched: d.unmatched ?? 0,
      failed: d.failed ?? 0
    }));
    return buildChart(days, 640, 220, LOCALE);
  }

  get chartLabel(): string {
    const days = this.chart.columns;
    if (!days.length) {
      return 'Calls per day: no data';
    }
    const totals = days.reduce((sum, d) => sum + d.total, 0);
    return `Calls per day for the last ${days.length} days, stacked by outcome: ${totals} in all. The table below lists each day.`;
  }

  async handleRefreshHealth(): Promise<void> {
    if (this.wiredHealthResult) {
      await refreshApex(this.wiredHealthResult);
    }
  }
}
