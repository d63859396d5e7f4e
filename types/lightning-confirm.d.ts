// Declarations for lightning/confirm. Source: component library, "LightningConfirm":
// open({ message, label, variant, theme }) resolves true on OK, false on Cancel.
declare module 'lightning/confirm' {
  export interface LightningConfirmConfig {
    message: string;
    label?: string;
    /** 'header' (default) or 'headerless'. */
    variant?: 'header' | 'headerless';
    /** SLDS theme of the header, e.g. 'default', 'warning', 'error', 'success', 'info', 'shade', 'inverse'. */
    theme?: string;
  }
  export default class LightningConfirm {
    static open(config: LightningConfirmConfig): Promise<boolean>;
  }
}
