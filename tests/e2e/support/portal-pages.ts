import type { Locator, Page } from 'playwright-core';

/** Page objects: the e2e tests speak in what a user does, not in selectors. */
export class PortalApp {
  constructor(
    readonly page: Page,
    readonly baseURL: string,
  ) {}

  heading(): Locator {
    return this.page.locator('main h1');
  }

  async open(path: string): Promise<void> {
    await this.page.goto(this.baseURL + path);
    await this.heading().first().waitFor();
  }

  /** Sign in on /login and wait for the dashboard. */
  async signIn(email: string, password: string, companyId = 'CodeGlass'): Promise<void> {
    await this.page.goto(this.baseURL + '/login');
    await this.page.getByLabel('Company ID').fill(companyId);
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  }

  nav(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
  }

  tab(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'License sections' }).getByRole('link', { name });
  }

  /** Opens the first license from the Licenses page; returns its id. */
  async openFirstLicense(): Promise<string> {
    await this.nav('Licenses').click();
    await this.page.getByTestId('license-table').getByRole('link').first().click();
    await this.page.getByTestId('license-facts').waitFor();
    return new URL(this.page.url()).pathname.split('/')[2] ?? '';
  }

  deviceRow(hostname: string): Locator {
    return this.page.locator(`tr[data-device="${hostname}"]`);
  }

  /** Devices page: Reset, read the preview, confirm. Returns the preview text. */
  async resetDevice(hostname: string): Promise<string> {
    await this.page.getByRole('button', { name: `Reset ${hostname}` }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByTestId('reset-preview').waitFor();
    const preview = (await dialog.getByTestId('reset-preview').innerText()).trim();
    await dialog.getByRole('button', { name: 'Reset device' }).click();
    await this.deviceRow(hostname).getByTestId('pending').waitFor();
    return preview;
  }

  /** Users page: fill the form, read the preview, confirm. Returns the initial password if one is shown. */
  async assignUser(email: string, firstName: string, lastName: string): Promise<string | null> {
    const form = this.page.getByTestId('assign-form');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('First name').fill(firstName);
    await form.getByLabel('Last name').fill(lastName);
    await form.getByRole('button', { name: 'Assign license user…' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByTestId('assign-preview').waitFor();
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    await this.page.locator(`tr[data-user="${email}"]`).waitFor();
    const box = this.page.getByTestId('initial-password');
    return (await box.count()) > 0 ? (await box.locator('code').innerText()).trim() : null;
  }

  /** Users page: New initial password for a user, read the preview, confirm. Returns the new initial password. */
  async resetPassword(email: string): Promise<string> {
    await this.page.getByRole('button', { name: `New initial password for ${email}` }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByTestId('reset-password-preview').waitFor();
    await dialog.getByRole('button', { name: 'Give new password' }).click();
    return (await this.page.getByTestId('initial-password').locator('code').innerText()).trim();
  }

  /** Users page: Assign many from a CSV file; waits for its preview and returns the counts per category. */
  async previewBatchFile(file: { name: string; text: string }): Promise<Record<string, number>> {
    await this.page.getByLabel('CSV file').setInputFiles({
      name: file.name,
      mimeType: 'text/csv',
      buffer: Buffer.from(file.text),
    });
    await this.page.getByTestId('batch-preview').waitFor();
    const counts: Record<string, number> = {};
    for (const li of await this.page.getByTestId('batch-counts').locator('li').all())
      counts[(await li.getAttribute('data-category')) ?? ''] = Number(await li.locator('strong').innerText());
    return counts;
  }

  /** Clicks a button that saves a file and returns the file's name and text. */
  async download(button: Locator): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return {
      name: download.suggestedFilename(),
      text: Buffer.concat(chunks)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    };
  }

  changeStates(): Promise<string[]> {
    return this.page.getByTestId('change-state').allInnerTexts();
  }
}
