import FieldMapping from 'c/vclFieldMapping';
import listMappings from '@salesforce/apex/VclFieldMappingController.listMappings';
import listPayloadKeys from '@salesforce/apex/VclFieldMappingController.listPayloadKeys';
import listTargetFields from '@salesforce/apex/VclFieldMappingController.listTargetFields';
import checkMapping from '@salesforce/apex/VclFieldMappingController.checkMapping';
import saveMappings from '@salesforce/apex/VclFieldMappingController.saveMappings';
import restoreDefaultMappings from '@salesforce/apex/VclFieldMappingController.restoreDefaultMappings';
import { refreshApex } from '@salesforce/apex';
import LightningConfirm from 'lightning/confirm';
import {
  type ApexMocks,
  asMock,
  asWire,
  type El,
  flushPromises,
  mount,
  removeAllChildren,
  shadowQuery as q,
  shadowQueryAll as qa
} from '../../../test-utils/lwc';
import MAPPINGS from './data/VclFieldMappingController.listMappings.json';
import KEYS from './data/VclFieldMappingController.listPayloadKeys.json';
import FIELDS from './data/VclFieldMappingController.listTargetFields.json';
import SAVED from './data/VclFieldMappingController.saveMappings.json';
import DEFAULTS from './data/VclFieldMappingController.restoreDefaultMappings.json';

jest.mock(
  '@salesforce/apex/VclFieldMappingController.listMappings',
  () => jest.requireActual<ApexMocks>('../../../test-utils/apexMocks').wireAdapterModule(),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/VclFieldMappingController.listPayloadKeys',
  () => jest.requireActual<ApexMocks>('../../../test-utils/apexMocks').wireAdapterModule(),
  { virtual: true }
);
jest.mock('@salesforce/apex/VclFieldMappingController.listTargetFields', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/VclFieldMappingController.checkMapping', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/VclFieldMappingController.saveMappings', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/VclFieldMappingController.restoreDefaultMappings',
  () => ({ default: jest.fn() }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock('lightning/confirm', () => ({ __esModule: true, default: { open: jest.fn() } }));

const mappingsWire = asWire(listMappings);
const keysWire = asWire(listPayloadKeys);
const fieldsMock = asMock(listTargetFields);
const checkMock = asMock(checkMapping);
const saveMock = asMock(saveMappings);
const restoreMock = asMock(restoreDefaultMappings);
const confirmOpen = asMock(LightningConfirm.open);

const CLASH =
  'appointment.start is DATETIME but Task.Call_Result__c is STRING(80): map it to a Date/Time field.';

const render = (): HTMLElement => mount('c-vcl-field-mapping', FieldMapping);
function row(element: HTMLElement, index: number): El {
  return qa(element, 'tr.row')[index];
}
function cell(element: HTMLElement, index: number, selector: string): El {
  return row(element, index).querySelector(selector) as El;
}
function change(target: El, detail: Record<string, unknown>): void {
  target.dispatchEvent(new CustomEvent('change', { detail }));
}
async function rendered(): Promise<HTMLElement> {
  const element = render();
  keysWire.emit(KEYS);
  mappingsWire.emit(MAPPINGS);
  await flushPromises();
  return element;
}

describe('c-vcl-field-mapping', () => {
  beforeEach(() => {
    fieldsMock.mockImplementation(({ objectApiName }: { objectApiName: keyof typeof FIELDS }) =>
      Promise.resolve(FIELDS[objectApiName])
    );
    checkMock.mockResolvedValue(null);
  });

  afterEach(() => {
    removeAllChildren();
    jest.clearAllMocks();
  });

  it('shows a labelled spinner while loading', () => {
    const element = render();
    expect(q(element, 'lightning-spinner').alternativeText).toBe('Loading field mappings');
  });

  it('renders one row per mapping with its key, object, field and enabled toggle', async () => {
    const element = await rendered();
    expect(qa(element, 'tr.row')).toHaveLength(MAPPINGS.length);
    const campaign = MAPPINGS.findIndex((m) => m.payloadKey === 'properties.campaign');
    expect(cell(element, campaign, '.payload-key').value).toBe('properties.campaign');
    expect(cell(element, campaign, '.target-object').value).toBe('Task');
    expect(cell(element, campaign, '.target-field').value).toBe('Campaign_Name__c');
    expect(cell(element, campaign, '.enabled').checked).toBe(true);
    const region = MAPPINGS.findIndex((m) => m.targetField === 'Region__c');
    expect(cell(element, region, '.enabled').checked).toBe(false);
    expect(cell(element, 0, 'lightning-badge').label).toBe('Default');
    expect(q(element, '.save').disabled).toBe(true);
  });

  it('loads the fields of each object once, with their types in the options', async () => {
    const element = await rendered();
    const objects = [...new Set(MAPPINGS.map((m) => m.targetObject))];
    expect(fieldsMock).toHaveBeenCalledTimes(objects.length);
    objects.forEach((o) => expect(fieldsMock).toHaveBeenCalledWith({ objectApiName: o }));
    const options = cell(element, 0, '.target-field').options as Array<{ label: string; value: string }>;
    expect(options).toContainEqual({ label: 'Company (Company) · STRING(255)', value: 'Company' });
    const keyOptions = cell(element, 0, '.payload-key').options as Array<{ label: string; value: string }>;
    expect(keyOptions).toContainEqual({ label: 'appointment.start · DATETIME', value: 'appointment.start' });
  });

  it('labels every input and the remove buttons', async () => {
    const element = await rendered();
    qa(element, 'lightning-combobox, lightning-input').forEach((input) => expect(input.label).toBeTruthy());
    expect(cell(element, 2, '.remove-row').alternativeText).toBe('Remove mapping 3');
    expect(cell(element, 2, '.enabled').label).toBe('Mapping 3 enabled');
  });

  it('shows the empty state and the error state', async () => {
    const element = render();
    keysWire.emit(KEYS);
    mappingsWire.emit([]);
    await flushPromises();
    expect(q(element, '.empty').textContent).toContain('No mappings');

    mappingsWire.error({ message: 'Insufficient access to Call_Field_Mapping_Rule__c' });
    await flushPromises();
    expect(q(element, '.error').textContent).toContain('Insufficient access to Call_Field_Mapping_Rule__c');
  });

  it('adds a row, checks its types with Apex and saves every row', async () => {
    saveMock.mockResolvedValue(SAVED);
    const element = await rendered();
    const toasts: Array<{ title: string; variant: string }> = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));

    q(element, '.add-row').click();
    await flushPromises();
    const last = MAPPINGS.length;
    expect(qa(element, 'tr.row')).toHaveLength(last + 1);
    expect(cell(element, last, '.target-object').value).toBe('Task');

    change(cell(element, last, '.payload-key'), { value: 'properties.score' });
    change(cell(element, last, '.target-object'), { value: 'Call_Log__c' });
    await flushPromises();
    change(cell(element, last, '.target-field'), { value: 'Campaign__c' });
    await flushPromises();

    expect(checkMock).toHaveBeenLastCalledWith({
      payloadKey: 'properties.score',
      targetObject: 'Call_Log__c',
      targetField: 'Campaign__c'
    });
    expect(q(element, '.save').disabled).toBe(false);

    q(element, '.save').click();
    await flushPromises();
    const sent = saveMock.mock.calls[0][0].mappings as Array<Record<string, unknown>>;
    expect(sent).toHaveLength(MAPPINGS.length + 1);
    expect(sent[0]).toEqual(MAPPINGS[0]);
    expect(sent[last]).toEqual({
      id: null,
      payloadKey: 'properties.score',
      targetObject: 'Call_Log__c',
      targetField: 'Campaign__c',
      enabled: true,
      isDefault: false
    });
    expect(toasts[0]).toMatchObject({ title: 'Field mappings saved', variant: 'success' });
    expect(refreshApex).toHaveBeenCalled();
  });

  it('shows a type clash inline and blocks Save until it is fixed', async () => {
    checkMock.mockImplementation(({ payloadKey }: { payloadKey: string }) =>
      Promise.resolve(payloadKey === 'appointment.start' ? CLASH : null)
    );
    const element = await rendered();
    const disposition = MAPPINGS.findIndex((m) => m.targetField === 'Call_Result__c');

    change(cell(element, disposition, '.payload-key'), { value: 'appointment.start' });
    await flushPromises();

    const problem = cell(element, disposition, '.problem');
    expect(problem.textContent).toContain(CLASH);
    expect(problem.getAttribute('role')).toBe('alert');
    expect(row(element, disposition).className).toContain('row_invalid');
    expect(q(element, '.save').disabled).toBe(true);
    expect(q(element, '.save-blocked').textContent).toContain('Fix the mapping marked in red');
    q(element, '.save').click();
    await flushPromises();
    expect(saveMock).not.toHaveBeenCalled();

    change(cell(element, disposition, '.payload-key'), { value: 'disposition' });
    await flushPromises();
    expect(cell(element, disposition, '.problem')).toBeNull();
    expect(q(element, '.save').disabled).toBe(false);
  });

  it('flags two enabled rows that write the same field', async () => {
    const element = await rendered();
    const agent = MAPPINGS.findIndex((m) => m.targetField === 'Agent_Name__c');
    q(element, '.add-row').click();
    await flushPromises();
    const last = MAPPINGS.length;
    change(cell(element, last, '.payload-key'), { value: 'properties.agent' });
    change(cell(element, last, '.target-object'), { value: 'Call_Log__c' });
    await flushPromises();
    change(cell(element, last, '.target-field'), { value: 'Agent_Name__c' });
    await flushPromises();

    expect(cell(element, last, '.problem').textContent).toContain(
      `row ${agent + 1} already writes Call_Log__c.Agent_Name__c`
    );
    expect(q(element, '.save').disabled).toBe(true);

    change(cell(element, last, '.enabled'), { checked: false });
    await flushPromises();
    expect(cell(element, last, '.problem')).toBeNull();
  });

  it('blocks Save while a row is incomplete', async () => {
    const element = await rendered();
    q(element, '.add-row').click();
    await flushPromises();
    expect(q(element, '.save').disabled).toBe(true);
    expect(q(element, '.save-blocked').textContent).toContain('1 incomplete');
  });

  it('removes a row and cancels back to the saved mappings', async () => {
    const element = await rendered();
    cell(element, 1, '.remove-row').click();
    await flushPromises();
    expect(qa(element, 'tr.row')).toHaveLength(MAPPINGS.length - 1);
    q(element, '.cancel').click();
    await flushPromises();
    expect(qa(element, 'tr.row')).toHaveLength(MAPPINGS.length);
  });

  it('shows the server message when the save is rejected', async () => {
    saveMock.mockRejectedValue({
      body: { message: 'Row 7: properties.region is ANY but Task.Region__c is a restricted picklist.' }
    });
    const element = await rendered();
    cell(element, 1, '.remove-row').click();
    await flushPromises();
    q(element, '.save').click();
    await flushPromises();
    expect(q(element, '.save-error').textContent).toContain('Row 7: properties.region');
    expect(qa(element, 'tr.row')).toHaveLength(MAPPINGS.length - 1);
  });

  it('restores the defaults after confirmation', async () => {
    confirmOpen.mockResolvedValue(true);
    restoreMock.mockResolvedValue(DEFAULTS);
    const element = await rendered();
    q(element, '.restore-defaults').click();
    await flushPromises();
    expect(confirmOpen).toHaveBeenCalledWith(expect.objectContaining({ label: 'Restore default mappings' }));
    expect(restoreMock).toHaveBeenCalledTimes(1);
    expect(qa(element, 'tr.row')).toHaveLength(DEFAULTS.length);
    expect(refreshApex).toHaveBeenCalled();
  });

  it('keeps the mappings when the restore is cancelled', async () => {
    confirmOpen.mockResolvedValue(false);
    const element = await rendered();
    q(element, '.restore-defaults').click();
    await flushPromises();
    expect(restoreMock).not.toHaveBeenCalled();
    expect(qa(element, 'tr.row')).toHaveLength(MAPPINGS.length);
  });
});
