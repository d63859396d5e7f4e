/**
 * Stand-in the workbench build uses for a `c/*` component that has not been built yet, so the shell
 * still renders while screens land; the build prints a warning and the browser tests fail on it.
 */
import { LightningElement, api } from 'lwc';

export default class MissingComponent extends LightningElement {
  @api recordId?: string;
  @api objectApiName?: string;
}
