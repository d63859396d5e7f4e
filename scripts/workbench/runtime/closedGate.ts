/**
 * A closed `@salesforce/gate/*`. The workbench aliases `bc.260.enableComboboxElementInternals` here:
 * with that gate open, lightning-combobox stays empty under synthetic shadow (measured, issue 7).
 */
export default { isOpen: (): boolean => false };
