/** The workbench's page references: Lightning URLs ↔ page reference objects, and Salesforce id comparison. */
import { describePageReference, pageReferenceFromLightningUrl, sameId } from '../runtime/pageReferences';

describe('page references', () => {
  it('describe where Lightning would go', () => {
    expect(
      describePageReference({
        type: 'standard__recordPage',
        attributes: { recordId: '00T5g0000000500AAQ', actionName: 'view' }
      })
    ).toBe('would open Task 00T5g0000000500AAQ');
    expect(
      describePageReference({
        type: 'standard__objectPage',
        attributes: { objectApiName: 'Lead', actionName: 'list' }
      })
    ).toBe('would open the Lead list page');
    expect(
      describePageReference({ type: 'standard__webPage', attributes: { url: 'https://x.example' } })
    ).toBe('would open https://x.example');
    expect(
      describePageReference({
        type: 'standard__namedPage',
        attributes: { pageName: 'filePreview' },
        state: { selectedRecordId: '0695g000000A101AAQ' }
      })
    ).toBe('would preview File 0695g000000A101AAQ');
  });

  it('read Lightning URLs and compare 15/18-character ids', () => {
    expect(pageReferenceFromLightningUrl('/lightning/r/0035g00000QxT2mAAF/view')).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: '0035g00000QxT2mAAF', actionName: 'view' }
    });
    expect(pageReferenceFromLightningUrl('/lightning/r/Lead/00Q5g00000Lb7Qh/edit?x=1')).toMatchObject({
      attributes: { objectApiName: 'Lead', actionName: 'edit' }
    });
    expect(pageReferenceFromLightningUrl('/lightning/o/Call_Log__c/list')).toMatchObject({
      type: 'standard__objectPage'
    });
    expect(pageReferenceFromLightningUrl('/app/main.js')).toBeUndefined();
    expect(sameId('0035g00000QxT2mAAF', '0035g00000QxT2m')).toBe(true);
    expect(sameId('003', '003')).toBe(false);
  });
});
