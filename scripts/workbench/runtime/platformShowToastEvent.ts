/**
 * `lightning/platformShowToastEvent` in the workbench: the same constructor the platform has, mapped
 * onto the real `lightning/toast` base component, so toasts look and behave like Lightning's.
 */
import Toast from 'lightning/toast';
import ToastContainer from 'lightning/toastContainer';

export interface ShowToastConfig {
  title?: string;
  message?: string;
  messageData?: unknown[];
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pest' | 'sticky';
}

/** The event type lightning/toastContainer listens for on document.body. */
const SHOW_TOAST = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<unknown> {
  constructor(config: ShowToastConfig) {
    ToastContainer.instance();
    const title = config.title ?? '';
    const message = config.message ?? '';
    super(SHOW_TOAST, {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: {
        // toastContainer needs the Toast class; it renders label + message like the platform toast.
        toast: Toast,
        label: title || message,
        message: title ? message : '',
        messageLinks: config.messageData,
        variant: config.variant ?? 'info',
        // Platform default: dismissible (closes by itself). lightning/toast has no "pest" mode.
        mode: config.mode === 'sticky' ? 'sticky' : 'dismissible'
      }
    });
  }
}
