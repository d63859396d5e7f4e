/**
 * Sample users for user pickers (PREVIEW BEHAVIOUR — workbench only); the first is the running user
 * (@salesforce/user/Id). Kept apart from sampleRecords (which reads the generated fixtures) so the
 * preview handlers, unit tested in Node, can name users too.
 */
export const SAMPLE_USERS: Array<{ id: string; name: string }> = [
  { id: '0055g00000WbUserAAA', name: 'Alex Morgan (you)' },
  { id: '0055g00000WbUsr2AAA', name: 'Priya Raman' },
  { id: '0055g00000WbUsr3AAA', name: 'Sales Queue Owner' },
  { id: '0055g00000WbIntAAA', name: 'Voice Integration' }
];
