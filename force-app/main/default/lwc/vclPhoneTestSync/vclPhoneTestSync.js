import { LightningElement } from 'lwc';
import testSync from '@salesforce/apex/VclPhoneTestSyncController.testSync';
import { errorText } from 'c/vclCallFormat';
/** Voice Setup card: a dry run of matching for one phone number (key, match, candidates); writes nothing. */
export default class VclPhoneTestSync extends LightningElement {
    testPhone = '';
    testResult;
    testError = null;
    isTesting = false;
    candidateColumns = [
        { label: 'Object', fieldName: 'objectApiName', type: 'text', initialWidth: 110 },
        {
            label: 'Name',
            fieldName: 'recordUrl',
            type: 'url',
            typeAttributes: { label: { fieldName: 'name' }, target: '_blank' }
        },
        { label: 'Matched field', fieldName: 'matchedField', type: 'text' },
        {
            label: 'Last modified',
            fieldName: 'lastModified',
            type: 'date',
            typeAttributes: { year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' }
        }
    ];
    handleTestPhoneChange(event) {
        this.testPhone = event.detail.value ?? '';
    }
    handleTestPhoneKeyUp(event) {
        if (event.key === 'Enter') {
            this.handleTestSync().catch(() => undefined);
        }
    }
    get testSyncDisabled() {
        return this.isTesting || this.testPhone.trim() === '';
    }
    async handleTestSync() {
        const phoneNumber = this.testPhone.trim();
        if (!phoneNumber) {
            return;
        }
        this.isTesting = true;
        this.testError = null;
        try {
            this.testResult = await testSync({ phoneNumber });
        }
        catch (e) {
            this.testResult = undefined;
            this.testError = errorText(e);
        }
        finally {
            this.isTesting = false;
        }
    }
    get testMatchedUrl() {
        return this.testResult?.matchedRecordId ? `/lightning/r/${this.testResult.matchedRecordId}/view` : null;
    }
    get testCandidates() {
        return (this.testResult?.candidates ?? []).map((c) => ({
            ...c,
            recordUrl: c.recordId ? `/lightning/r/${c.recordId}/view` : null
        }));
    }
    /** How the number was read: "+44 · 2079460958" (country calling code · national number). */
    get testReading() {
        const r = this.testResult;
        return r?.countryCode && r.nationalNumber ? `+${r.countryCode} · ${r.nationalNumber}` : null;
    }
    /** What the reading left out (label, extension, prefixes), or "nothing". */
    get testIgnored() {
        const ignored = this.testResult?.ignored ?? [];
        return ignored.length ? ignored.join('; ') : 'nothing';
    }
    get hasTestCandidates() {
        return this.testCandidates.length > 0;
    }
    get testOutcomeClass() {
        if (!this.testResult) {
            return '';
        }
        if (this.testResult.problem) {
            return 'slds-scoped-notification slds-theme_error test-outcome';
        }
        return this.testResult.matched
            ? 'slds-scoped-notification slds-theme_success test-outcome'
            : 'slds-scoped-notification slds-theme_warning test-outcome';
    }
    get testOutcomeTitle() {
        if (!this.testResult) {
            return '';
        }
        if (this.testResult.problem) {
            return `Not a usable number: ${this.testResult.problem}`;
        }
        return this.testResult.matched
            ? `Would match ${this.testResult.matchedObject} ${this.testResult.matchedRecordName}`
            : 'No Lead or Contact would match';
    }
}
