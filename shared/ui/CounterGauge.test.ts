import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import CounterGauge from './CounterGauge.vue';
import { i18nForTests } from './testing/i18n';

async function gauge(counter: { used: number; max: number | null }, locale: 'en' | 'de' = 'en', showLeft = true) {
  return mount(CounterGauge, {
    props: { label: 'Seats', counter, showLeft },
    global: { plugins: [await i18nForTests(locale)] },
  });
}

describe('CounterGauge', () => {
  it('says "(unlimited)" once beside the count when there is no limit', async () => {
    const wrapper = await gauge({ used: 0, max: null });
    expect(wrapper.find('.counter-gauge__label').text()).toBe('Seats0(unlimited)');
    expect(wrapper.text().match(/unlimited/g)).toHaveLength(1);
    expect(wrapper.find('[role="meter"]').attributes('aria-valuetext')).toBe('0, unlimited');
  });

  it('says there is no limit even where it shows no count of what is left', async () => {
    const wrapper = await gauge({ used: 4, max: null }, 'en', false);
    expect(wrapper.find('[data-testid="counter-value"]').text()).toBe('4');
    expect(wrapper.find('[data-testid="counter-left"]').text()).toBe('(unlimited)');
  });

  it('reads in the reader`s language: "3 von 5 (noch 2)", "0 (unbegrenzt)"', async () => {
    const limited = await gauge({ used: 3, max: 5 }, 'de');
    expect(limited.find('[data-testid="counter-value"]').text()).toBe('3 von 5');
    expect(limited.find('[data-testid="counter-left"]').text()).toBe('(noch 2)');
    const unlimited = await gauge({ used: 0, max: null }, 'de');
    expect(unlimited.find('.counter-gauge__label').text()).toBe('Seats0(unbegrenzt)');
  });
});
