/**
 * Page references (lightning/navigation) as the workbench describes them: pure, unit tested.
 */
export interface PageReference {
  type: string;
  attributes?: Record<string, unknown>;
  state?: Record<string, unknown>;
}

const KEY_PREFIXES: Record<string, string> = {
  '001': 'Account',
  '003': 'Contact',
  '005': 'User',
  '006': 'Opportunity',
  '00Q': 'Lead',
  '00T': 'Task',
  '00U': 'Event',
  '707': 'Apex job'
};

export function attribute(pageReference: PageReference, name: string): string | undefined {
  const value = pageReference.attributes?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** Salesforce ids compare on their first 15 characters (the 18-character form adds a checksum). */
export function sameId(a: string, b: string): boolean {
  return a.length >= 15 && b.length >= 15 && a.slice(0, 15) === b.slice(0, 15);
}

/** "would open Task 00T5g00000AbCdE" — what Lightning would have shown. */
export function describePageReference(pageReference: PageReference): string {
  const action = attribute(pageReference, 'actionName');
  switch (pageReference.type) {
    case 'standard__recordPage':
    case 'standard__recordRelationshipPage': {
      const recordId = attribute(pageReference, 'recordId') ?? '';
      const objectName =
        attribute(pageReference, 'objectApiName') ?? KEY_PREFIXES[recordId.slice(0, 3)] ?? 'record';
      const suffix = action && action !== 'view' ? ` (${action})` : '';
      return `would open ${objectName} ${recordId}${suffix}`;
    }
    case 'standard__objectPage':
      return `would open the ${attribute(pageReference, 'objectApiName') ?? 'object'} ${action ?? 'home'} page`;
    case 'standard__navItemPage':
      return `would open the ${attribute(pageReference, 'apiName') ?? ''} tab`;
    case 'standard__webPage':
      return `would open ${attribute(pageReference, 'url') ?? 'a web page'}`;
    case 'standard__namedPage': {
      const selected = pageReference.state?.selectedRecordId;
      return attribute(pageReference, 'pageName') === 'filePreview' && typeof selected === 'string'
        ? `would preview File ${selected}`
        : `would open the ${attribute(pageReference, 'pageName') ?? 'named'} page`;
    }
    default:
      return `would open a ${pageReference.type.replace(/^standard__/, '')} page`;
  }
}

/**
 * The page reference behind a Lightning Experience URL that a component put in a plain link:
 * `/lightning/r/<Object>/<id>/<action>`, `/lightning/r/<id>/<action>`, `/lightning/o/<Object>/<action>`.
 */
export function pageReferenceFromLightningUrl(url: string): PageReference | undefined {
  const pathname = (url.split(/[?#]/)[0] ?? '').replace(/^https?:\/\/[^/]+/, '');
  const record =
    /^\/lightning\/r\/(?:([A-Za-z0-9_]+)\/)?([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/([a-z]+)\/?$/.exec(
      pathname
    );
  if (record) {
    const [, objectApiName, recordId = '', actionName = 'view'] = record;
    return {
      type: 'standard__recordPage',
      attributes: { recordId, actionName, ...(objectApiName ? { objectApiName } : {}) }
    };
  }
  const object = /^\/lightning\/o\/([A-Za-z0-9_]+)\/([a-z]+)\/?$/.exec(pathname);
  if (object) {
    const [, objectApiName = '', actionName = 'home'] = object;
    return { type: 'standard__objectPage', attributes: { objectApiName, actionName } };
  }
  return undefined;
}
