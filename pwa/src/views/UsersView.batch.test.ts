import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import Papa from 'papaparse';
import { useBatchAssignStore } from '@shared/stores';
import ChangesView from './ChangesView.vue';
import UsersView from './UsersView.vue';
import { aLicense, LICENSE_ID } from '../testing/fixtures';
import { buttonNamed, settle, setupPortal, until } from '../testing/harness';

const path = `/licenses/${LICENSE_ID}/users`;
const LIST = [
  'email,first name,last name',
  'ana@codeglass.example,Ana,Alves',
  'Bo Berg <bo@codeglass.example>',
  'dev@codeglass.example',
  'not-an-email',
  'ANA@codeglass.example',
  'cy@codeglass.example',
  'di@codeglass.example',
].join('\n');

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

describe('Users: Assign many', () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  it('previews each row (assigned, already assigned, invalid, duplicate, beyond the free seats), queues the rest as one group', async () => {
    const { render } = await setupPortal({ licenses: [aLicense({ seats: { used: 2, max: 5 }, maxLicenseUsers: 5 })] });
    wrapper = await render(UsersView, path, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="user-table"]');
    await wrapper.find('[data-testid="batch-text"]').setValue(LIST);
    await until(wrapper, '[data-testid="batch-preview"]');
    const counts = Object.fromEntries(
      wrapper
        .findAll('[data-testid="batch-counts"] li')
        .map((li) => [li.attributes('data-category'), li.find('strong').text()]),
    );
    expect(counts).toEqual({ assign: '3', already_assigned: '1', invalid: '1', duplicate: '1', over_limit: '1' });
    const why = wrapper.findAll('[data-testid="batch-attention"] tbody tr').map((tr) => tr.text());
    expect(why).toEqual([
      expect.stringContaining('Already holds a seat'),
      expect.stringContaining('This is not an email address.'),
      expect.stringContaining('The same email as line 2'),
      expect.stringContaining('Max license users number reached'),
    ]);
    await buttonNamed(wrapper, 'Queue 3 assignments')?.trigger('click');
    await until(wrapper, '[data-testid="batch-notice"]');
    expect(wrapper.find('[data-testid="batch-notice"]').text()).toContain('3 assignments queued');
    for (const email of ['ana@codeglass.example', 'bo@codeglass.example', 'cy@codeglass.example'])
      expect(wrapper.find(`tr[data-user="${email}"] [data-testid="pending"]`).exists()).toBe(true);
  });

  it('on the Changes page: one group counting its outcomes, each row ending with its own, and results with the new passwords', async () => {
    const { render, server } = await setupPortal({
      licenses: [aLicense({ seats: { used: 2, max: 5 }, maxLicenseUsers: 5 })],
    });
    const users = await render(UsersView, path, { id: LICENSE_ID });
    await until(users, '[data-testid="user-table"]');
    await users.find('[data-testid="batch-text"]').setValue(LIST);
    await until(users, '[data-testid="batch-preview"]');
    await buttonNamed(users, 'Queue 3 assignments')?.trigger('click');
    await until(users, '[data-testid="batch-notice"]');
    users.unmount();

    // The server assigns the first two (bo's account existed) and refuses the third: the seats filled meanwhile.
    server.sync = (body) => {
      const commands = body.commands as unknown as Array<{ opId: string; payload: { email: string } }>;
      return json({
        results: commands.map((c) =>
          c.payload.email.startsWith('cy')
            ? {
                opId: c.opId,
                outcome: 'rejected',
                code: 'max_license_users_reached',
                message: 'Max license users number reached',
              }
            : {
                opId: c.opId,
                outcome: 'applied',
                result: { userId: `u-${c.payload.email}`, created: !c.payload.email.startsWith('bo') },
              },
        ),
      });
    };
    wrapper = await render(ChangesView, '/changes');
    await until(wrapper, '[data-testid="change-group"]');
    expect(wrapper.find('[data-testid="group-counts"]').text()).toBe(
      '1 already assigned, 3 waiting, 1 invalid, 1 duplicate, 1 seat limit reached',
    );
    await buttonNamed(wrapper, 'Send now')?.trigger('click');
    await expect
      .poll(() => wrapper!.find('[data-testid="group-counts"]').text(), { timeout: 5000 })
      .toBe('2 assigned, 1 already assigned, 1 refused, 1 invalid, 1 duplicate, 1 seat limit reached');
    // The refused one also shows among the changes that need the user.
    expect(buttonNamed(wrapper, 'Retry: Assign cy@codeglass.example')).toBeDefined();
    const details = wrapper.find('[data-testid="change-group"] details');
    (details.element as HTMLDetailsElement).open = true;
    await details.trigger('toggle');
    await settle();
    expect(wrapper.findAll('[data-testid="row-outcome"]').map((td) => td.text())).toEqual([
      'assigned',
      'assigned',
      'already assigned',
      'invalid',
      'duplicate',
      'refused',
      'seat limit reached',
    ]);

    const batches = useBatchAssignStore();
    const groupId = batches.batches[0]!.groupId;
    const results = Papa.parse<Record<string, string>>(await batches.resultsCsv(groupId), { header: true }).data;
    const ana = results.find((r) => r.email === 'ana@codeglass.example')!;
    expect(ana).toMatchObject({ line: '2', outcome: 'assigned', 'account created': 'yes' });
    expect(ana['initial password']).toMatch(/^\S{14}$/);
    expect(results.find((r) => r.email === 'bo@codeglass.example')).toMatchObject({
      'account created': 'no',
      'initial password': '',
    });
    expect(results.find((r) => r.email === 'not-an-email')).toMatchObject({
      outcome: 'invalid',
      reason: 'This is not an email address.',
    });
    expect(wrapper.find('[data-testid="group-passwords"]').text()).toContain('1 new account');

    // Dismissed, the passwords leave the device: the results no longer hold them.
    await buttonNamed(wrapper, 'Dismiss passwords: pasted list')?.trigger('click');
    await settle();
    const after = Papa.parse<Record<string, string>>(await batches.resultsCsv(groupId), { header: true }).data;
    expect(after.find((r) => r.email === 'ana@codeglass.example')?.['initial password']).toBe('');
    expect(wrapper.find('[data-testid="group-passwords"]').exists()).toBe(false);
  });
});
