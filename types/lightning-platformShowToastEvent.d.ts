// Hand-written declarations for lightning/platformShowToastEvent.
// Source: component library, "Platform Show Toast Event" (title, message, messageData, variant, mode).
declare module 'lightning/platformShowToastEvent' {
  export interface ShowToastEventParams {
    title?: string;
    message?: string;
    /** Values replacing `{0}`… (or `{name}`) placeholders in `message`: text or `{ url, label }`. */
    messageData?:
      (string | { url: string; label: string })[] | Record<string, string | { url: string; label: string }>;
    /** Default 'info'. */
    variant?: 'info' | 'success' | 'warning' | 'error';
    /** Default 'dismissible'. */
    mode?: 'dismissible' | 'pester' | 'sticky';
  }

  export class ShowToastEvent extends CustomEvent<ShowToastEventParams> {
    constructor(params: ShowToastEventParams);
  }
}
