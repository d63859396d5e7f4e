/**
 * Workbench shell: the left navigation, the "local preview" banner and one page at a time
 * (hash routes, so every screen has a URL the browser tests and screenshots can open directly).
 */
import { LightningElement } from 'lwc';
import Toast from 'lightning/toast';
import ToastContainer from 'lightning/toastContainer';
import { setCurrentPageReference, type PageReference } from 'lightning/navigation';
import {
  DEFAULT_ROUTE,
  describePageReference,
  routeForPageReference,
  parseRoute,
  ROUTES,
  type Route
} from 'wb/routes';
import { pageReferenceFromLightningUrl } from '../../../../runtime/pageReferences';
import { SAMPLE_CONTACT, SAMPLE_LEAD } from '../../../../runtime/sampleRecords';
import { sampleState, sampleStates } from '../../../../runtime/apexRuntime';

interface StateLink {
  name: string;
  label: string;
  href: string;
  current: 'page' | undefined;
}

/** `missingPermission` → "Missing permission", `urlNotSet` → "URL not set". */
export function stateLabel(state: string): string {
  const words = state
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\b(url|api|id)\b/g, (word) => word.toUpperCase());
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export default class App extends LightningElement {
  route: Route = DEFAULT_ROUTE;
  deployCommand = 'npm start -- --target-org <alias>';
  lead = SAMPLE_LEAD;
  contact = SAMPLE_CONTACT;

  private readonly onHashChange = (): void => this.applyHash();
  private readonly onNavigate = (event: Event): void =>
    this.handleNavigate(event as CustomEvent<{ pageReference: PageReference }>);
  private readonly onClick = (event: MouseEvent): void => this.interceptLightningLink(event);

  override connectedCallback(): void {
    ToastContainer.instance({ toastPosition: 'top-center' });
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('wb:navigate', this.onNavigate);
    document.addEventListener('click', this.onClick, true);
    this.applyHash();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('wb:navigate', this.onNavigate);
    document.removeEventListener('click', this.onClick, true);
  }

  /**
   * The sample states (fixtures named `X.y.<state>.json`): links that reload the current page with
   * `?state=<state>` (or without, for the default fixtures).
   */
  get stateLinks(): StateLink[] {
    const link = (name: string, label: string, query: string): StateLink => ({
      name,
      label,
      href: `${query}#/${this.route.name}`,
      current: (sampleState ?? '') === name ? 'page' : undefined
    });
    return [
      link('', 'Ready (default)', '?'),
      ...sampleStates.map((state) => link(state, stateLabel(state), `?state=${encodeURIComponent(state)}`))
    ];
  }

  get appItems(): Route[] {
    return ROUTES.filter((route) => route.section === 'app');
  }

  get recordItems(): Route[] {
    return ROUTES.filter((route) => route.section === 'records');
  }

  get isSetup(): boolean {
    return this.route.name === 'setup';
  }

  get isFieldMapping(): boolean {
    return this.route.name === 'field-mapping';
  }

  get isSyncLog(): boolean {
    return this.route.name === 'sync-log';
  }

  get isLead(): boolean {
    return this.route.name === 'lead';
  }

  get isContact(): boolean {
    return this.route.name === 'contact';
  }

  private applyHash(): void {
    const hash = window.location.hash;
    if (hash.startsWith('#/page?ref=')) {
      // A generated URL (NavigationMixin.GenerateUrl) that was clicked like a link.
      try {
        const pageReference = JSON.parse(
          decodeURIComponent(hash.slice('#/page?ref='.length))
        ) as PageReference;
        window.history.replaceState(null, '', `#/${this.route.name}`);
        this.navigateTo(pageReference);
      } catch {
        window.history.replaceState(null, '', `#/${this.route.name}`);
      }
      return;
    }
    const route = parseRoute(hash);
    const changed = route.name !== this.route.name;
    this.route = route;
    setCurrentPageReference(route.pageReference);
    document.title = `${route.label} · Voice Call Logging workbench`;
    if (changed) {
      // Keyboard and screen-reader users land on the new page, not on the old link.
      void Promise.resolve().then(() => (this.refs?.main as HTMLElement | undefined)?.focus());
    }
  }

  /** Plain links to Lightning URLs (`/lightning/r/…/view`) stay in the workbench instead of a 404. */
  private interceptLightningLink(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
      return;
    }
    const anchor = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    const href = anchor?.getAttribute('href');
    const pageReference = href ? pageReferenceFromLightningUrl(href) : undefined;
    if (pageReference) {
      event.preventDefault();
      this.navigateTo(pageReference);
    }
  }

  private handleNavigate(event: CustomEvent<{ pageReference: PageReference }>): void {
    this.navigateTo(event.detail.pageReference);
  }

  private navigateTo(pageReference: PageReference): void {
    const route = routeForPageReference(pageReference);
    if (route) {
      window.location.hash = `#/${route.name}`;
      return;
    }
    // The workbench has no report engine: the dashboard link points readers at the admin guide's report list.
    const isDashboard = pageReference.attributes?.objectApiName === 'Dashboard';
    Toast.show(
      {
        label: `Preview: ${describePageReference(pageReference)}`,
        message: isDashboard
          ? 'In an org this opens the Voice Calls dashboard. The workbench runs no reports: docs/admin-guide.md, section "Reports and dashboard", lists each report and the question it answers.'
          : 'In an org this opens the page.',
        variant: 'info',
        mode: 'dismissible'
      },
      this
    );
  }
}
