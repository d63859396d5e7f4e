/**
 * Workbench entry: synthetic shadow first (the base components need it off-platform), then the shell.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import App from 'wb/app';

const root = document.getElementById('root');
if (root) {
  root.appendChild(createElement('wb-app', { is: App }));
}
