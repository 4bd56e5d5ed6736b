/** The page tests' builders are the shared ones (one builder per entity). */
export { aDevice, aLicense, aLicenseUser, aUser, LICENSE_ID } from '@shared/schemas/testing/entities';
