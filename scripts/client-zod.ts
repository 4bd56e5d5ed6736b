/**
 * The browser builds (PWA, extension) and their tests run the shared schemas on `zod/mini`: the
 * same parser core with a functional API that bundles only what is used (about 8 kB gzip against
 * 25 kB for the full `zod`, which a page would load before showing anything; measured in fb8309d). The server keeps the
 * full `zod`. The schemas are written in the API both share (`z.optional(x)`,
 * `x.check(z.maxLength(n))`): lint refuses the full API's chained methods in them. The type checker
 * reads full zod's types; tests/unit/client-zod.test.ts fails when a zod upgrade breaks the pairing.
 */
export const clientZodAlias = [{ find: /^zod$/, replacement: 'zod/mini' }];
