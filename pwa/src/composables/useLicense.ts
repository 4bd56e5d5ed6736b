import { computed, onMounted, type Ref } from 'vue';
import { useLicensesStore } from '@shared/stores';

/** One license from the cache (then refreshed), for the License, Devices and Users pages. */
export function useLicense(id: Ref<string>) {
  const licenses = useLicensesStore();
  const license = computed(() => licenses.byId(id.value) ?? null);
  /** Manager of THIS license (the role comes with the license), not of some other one. */
  const managesLicense = computed(() => license.value?.role === 'license_manager');
  onMounted(() => void licenses.load());
  return { licenses, license, managesLicense };
}
