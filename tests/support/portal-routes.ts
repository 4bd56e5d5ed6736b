/**
 * Every signed-in page of the PWA for a manager of `licenseId`, as [name, path, the test id that
 * says it rendered]: the list the browser tests walk through in each language, theme and size.
 */
export function everyPage(licenseId: string): Array<[name: string, path: string, ready: string]> {
  return [
    ['dashboard', '/', 'role'],
    ['licenses', '/licenses', 'license-table'],
    ['license', `/licenses/${licenseId}`, 'license-gauges'],
    ['devices', `/licenses/${licenseId}/devices`, 'device-table'],
    ['users', `/licenses/${licenseId}/users`, 'user-table'],
    ['activity', `/licenses/${licenseId}/activity`, 'event-list'],
    ['profile', '/profile', 'profile-licenses'],
    ['changes', '/changes', 'last-sync'],
  ];
}
