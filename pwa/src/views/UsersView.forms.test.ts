import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import type { Locale } from '@shared/i18n';
import UsersView from './UsersView.vue';
import { aLicense, LICENSE_ID } from '../testing/fixtures';
import { setupPortal, until } from '../testing/harness';
import { itInEachLanguage } from '../testing/languages';

/** What a reader sees, by language. */
const SAID: Record<Locale, { needEmail: string; seatsFree: string; needList: string; noSeat: string }> = {
  en: {
    needEmail: 'Enter an email to assign a license user.',
    seatsFree: '1 of 3 seats free',
    needList: 'Paste a list or choose a file: each line is previewed before anything is queued.',
    noSeat: 'No seat is free: unassign someone first.',
  },
  de: {
    needEmail: 'Geben Sie eine E-Mail-Adresse ein, um einen Lizenzbenutzer zuzuweisen.',
    seatsFree: '1 von 3 Plätzen frei',
    needList:
      'Fügen Sie eine Liste ein oder wählen Sie eine Datei: Jede Zeile wird vorab angezeigt, bevor etwas eingereiht wird.',
    noSeat: 'Kein Platz ist frei: Entfernen Sie zuerst jemanden.',
  },
  fr: {
    needEmail: 'Saisissez une adresse e-mail pour attribuer un utilisateur de licence.',
    seatsFree: '1 place libre sur 3',
    needList:
      'Collez une liste ou choisissez un fichier : chaque ligne est prévisualisée avant toute mise en file d’attente.',
    noSeat: 'Aucune place n’est libre : retirez d’abord quelqu’un.',
  },
  es: {
    needEmail: 'Escriba un correo electrónico para asignar un usuario de licencia.',
    seatsFree: '1 puesto libre de 3',
    needList: 'Pegue una lista o elija un archivo: cada línea se previsualiza antes de poner nada en cola.',
    noSeat: 'No hay ningún puesto libre: desasigne primero a alguien.',
  },
};

describe('the assign forms say what they need', { timeout: 30_000 }, () => {
  let wrapper: VueWrapper | undefined;
  afterEach(() => wrapper?.unmount());

  itInEachLanguage(SAID, '%s: an empty form says what is missing, both show the free seats', async (said, { show }) => {
    const wrapper = await show(UsersView, `/licenses/${LICENSE_ID}/users`, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="assign-missing"]');
    const form = wrapper.find('[data-testid="assign-form"]');
    const submit = form.find('button[type="submit"]');
    expect(submit.attributes('disabled')).toBeDefined();
    expect(form.find(`#${submit.attributes('aria-describedby')}`).text()).toBe(said.needEmail);
    expect(form.find('[data-testid="seats-free"]').text()).toBe(said.seatsFree);
    await form.find('#assign-email').setValue('new.hire@codeglass.example');
    expect(form.find('[data-testid="assign-missing"]').exists()).toBe(false);
    expect(submit.attributes('disabled')).toBeUndefined();

    const batch = wrapper.find('[data-testid="batch-need-list"]');
    expect(batch.text()).toBe(said.needList);
    expect(batch.element.parentElement?.querySelector('[data-testid="seats-free"]')?.textContent).toBe(said.seatsFree);
  });

  it('with every seat taken, the form says no seat is free', async () => {
    const { render } = await setupPortal({ licenses: [aLicense({ seats: { used: 3, max: 3 } })] });
    wrapper = await render(UsersView, `/licenses/${LICENSE_ID}/users`, { id: LICENSE_ID });
    await until(wrapper, '[data-testid="assign-missing"]');
    expect(wrapper.find('[data-testid="assign-missing"]').text()).toBe(SAID.en.noSeat);
    expect(wrapper.find('[data-testid="assign-form"] [data-testid="seats-free"]').text()).toBe('0 of 3 seats free');
  });
});
