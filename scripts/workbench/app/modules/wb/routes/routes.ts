/**
 * The workbench's pages and how platform page references map onto them (pure: unit tested).
 */
import type { PageReference } from 'lightning/navigation';
import { attribute, sameId } from '../../../../runtime/pageReferences';
import { SAMPLE_CONTACT, SAMPLE_LEAD } from '../../../../runtime/sampleRecords';

export { describePageReference } from '../../../../runtime/pageReferences';

export interface Route {
  name: 'setup' | 'field-mapping' | 'sync-log' | 'lead' | 'contact';
  label: string;
  href: string;
  section: 'app' | 'records';
  /** What `@wire(CurrentPageReference)` reports on this page. */
  pageReference: PageReference;
}

// Tab API names as in force-app/main/screens/<screen>/tabs/, so NavigationMixin to our tabs lands on the workbench page.
const navItem = (apiName: string): PageReference => ({
  type: 'standard__navItemPage',
  attributes: { apiName }
});
const recordPage = (recordId: string, objectApiName: string): PageReference => ({
  type: 'standard__recordPage',
  attributes: { recordId, objectApiName, actionName: 'view' }
});

/** The first page, and where unknown hashes land. */
export const DEFAULT_ROUTE: Route = {
  name: 'setup',
  label: 'Setup',
  href: '#/setup',
  section: 'app',
  pageReference: navItem('Voice_Call_Setup')
};

export const ROUTES: Route[] = [
  DEFAULT_ROUTE,
  {
    name: 'field-mapping',
    label: 'Field Mapping',
    href: '#/field-mapping',
    section: 'app',
    pageReference: navItem('Voice_Call_Field_Mapping')
  },
  {
    name: 'sync-log',
    label: 'Sync Log',
    href: '#/sync-log',
    section: 'app',
    pageReference: navItem('Voice_Call_Sync_Log')
  },
  {
    name: 'lead',
    label: `Lead: ${SAMPLE_LEAD.name}`,
    href: '#/lead',
    section: 'records',
    pageReference: recordPage(SAMPLE_LEAD.id, 'Lead')
  },
  {
    name: 'contact',
    label: `Contact: ${SAMPLE_CONTACT.name}`,
    href: '#/contact',
    section: 'records',
    pageReference: recordPage(SAMPLE_CONTACT.id, 'Contact')
  }
];

/** `#/sync-log` → the Sync Log route; anything unknown → Setup. */
export function parseRoute(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[?/]/)[0];
  return ROUTES.find((route) => route.name === name) ?? DEFAULT_ROUTE;
}

/** The workbench page a page reference leads to, when the workbench has it. */
export function routeForPageReference(pageReference: PageReference): Route | undefined {
  if (
    pageReference.type === 'standard__recordPage' &&
    (attribute(pageReference, 'actionName') ?? 'view') === 'view'
  ) {
    const recordId = attribute(pageReference, 'recordId') ?? '';
    return ROUTES.find(
      (route) =>
        route.section === 'records' && sameId(attribute(route.pageReference, 'recordId') ?? '', recordId)
    );
  }
  if (pageReference.type === 'standard__navItemPage') {
    const apiName = attribute(pageReference, 'apiName') ?? '';
    return ROUTES.find(
      (route) => route.section === 'app' && attribute(route.pageReference, 'apiName') === apiName
    );
  }
  return undefined;
}
