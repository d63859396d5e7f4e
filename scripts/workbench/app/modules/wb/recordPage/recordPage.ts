/**
 * A Lightning-style record page for the sample Lead/Contact: highlights panel, details, and our call
 * log panel where an admin would place it in Lightning App Builder.
 */
import { LightningElement, api } from 'lwc';
import type { SampleRecord } from '../../../../runtime/sampleRecords';

export default class RecordPage extends LightningElement {
  @api record?: SampleRecord;

  get highlights(): SampleRecord['fields'] {
    return (this.record?.fields ?? []).slice(0, 4);
  }

  get objectLabel(): string {
    return this.record?.objectApiName ?? '';
  }
}
