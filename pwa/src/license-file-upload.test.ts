import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { messageFor } from '@shared/domain';
import LicensesView from './views/LicensesView.vue';
import { json, settle, setupPortal, until } from './testing/harness';

async function chooseAndUpload(wrapper: VueWrapper, text: string) {
  const input = wrapper.find('#license-file-input');
  Object.defineProperty(input.element, 'files', { value: [new File([text], 'acme.jwt')], configurable: true });
  await wrapper.find('[data-testid="license-file-upload"]').trigger('click');
  await settle();
  await until(wrapper, '[data-testid="license-file-outcome"]');
  return wrapper.find('[data-testid="license-file-outcome"]');
}

describe('Licenses: the license file from the vendor', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('a manager uploads it: the file goes to the server as it is, the import is confirmed and the list reloads', async () => {
    const { server, render } = await setupPortal();
    const sent: unknown[] = [];
    server.other = (method, path, body) => {
      if (method !== 'POST' || path !== '/license-file') return null;
      sent.push(body);
      return json(200, { company: 'CodeGlass', serial: 7, changes: ['license l-1: {"quantity":5}'] });
    };
    wrapper = await render(LicensesView, '/licenses');
    await until(wrapper, '#license-file-input');
    const loadsBefore = server.requests.filter((r) => r === 'GET /licenses').length;
    const outcome = await chooseAndUpload(wrapper, 'header.payload.signature\n');
    expect(sent).toEqual([{ file: 'header.payload.signature\n' }]);
    expect(outcome.text()).toBe('License file no. 7 imported.');
    expect(outcome.attributes('role')).toBe('status');
    expect(server.requests.filter((r) => r === 'GET /licenses').length).toBe(loadsBefore + 1);
  });

  it('says why the server refused it, in the catalog text of its code', async () => {
    const { server, render } = await setupPortal();
    server.other = (_method, path) =>
      path === '/license-file' ? json(409, { code: 'license_file_stale_serial', message: 'x', field: 'file' }) : null;
    wrapper = await render(LicensesView, '/licenses');
    await until(wrapper, '#license-file-input');
    const outcome = await chooseAndUpload(wrapper, 'old');
    expect(outcome.text()).toBe(messageFor('license_file_stale_serial'));
    expect(outcome.attributes('role')).toBe('alert');
  });
});
