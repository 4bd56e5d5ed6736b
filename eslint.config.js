// @ts-check
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import prettier from 'eslint-config-prettier/flat';

/**
 * The folders are the layers: domain <- schemas <- api/db/files <- commands <- sync <- composables <- stores
 * <- ui <- apps. Each folder lists what it must not import, so a wrong-direction import fails lint.
 */
/** A shared layer however it is imported: relatively (inside shared/) or as `@shared/<name>`. */
const sharedLayer = (name) => [`**/shared/${name}*`, `@shared/${name}*`];
/** `commands` is also a file of shared/schemas (the wire format): only the folder is the layer. */
const layer = (name) =>
  name === 'commands' ? ['../commands', '../commands/**', ...sharedLayer(name)] : [`**/${name}`, `**/${name}/**`];
const sharedLayers = ['schemas', 'api', 'db', 'files', 'commands', 'sync', 'composables', 'stores', 'ui'];
const below = {
  'shared/i18n': {
    layers: ['domain', ...sharedLayers],
    packages: ['vue', 'vue-i18n', 'pinia', 'dexie', 'ofetch', 'zod'],
  },
  'shared/domain': { layers: sharedLayers, packages: ['vue', 'pinia', 'dexie', 'ofetch', 'zod'] },
  'shared/schemas': {
    layers: ['api', 'db', 'files', 'commands', 'sync', 'composables', 'stores', 'ui'],
    packages: ['vue', 'pinia', 'dexie', 'ofetch'],
  },
  'shared/api': {
    layers: ['db', 'files', 'commands', 'sync', 'composables', 'stores', 'ui'],
    packages: ['vue', 'pinia', 'dexie'],
  },
  'shared/db': {
    layers: ['api', 'files', 'commands', 'sync', 'composables', 'stores', 'ui'],
    packages: ['vue', 'pinia', 'ofetch'],
  },
  // Text the user brings in or takes away (CSV, pasted lists): checked with the schemas, nothing more.
  'shared/files': {
    layers: ['api', 'db', 'commands', 'sync', 'composables', 'stores', 'ui'],
    packages: ['vue', 'pinia', 'dexie', 'ofetch'],
  },
  // One module per command kind (commands/index.ts is their table): db is read through its types only.
  'shared/commands': {
    layers: ['api', 'files', 'sync', 'composables', 'stores', 'ui'],
    packages: ['vue', 'pinia', 'dexie', 'ofetch'],
  },
  'shared/sync': { layers: ['files', 'composables', 'stores', 'ui'], packages: ['pinia'] },
  // What the stores are built of (the portal, live queries, the per-license cache, queueing): the
  // session and outbox stores they read are passed in.
  'shared/composables': { layers: ['files', 'stores', 'ui'], packages: [] },
  'shared/stores': { layers: ['ui'], packages: [] },
  // Helpers of components: they read what the stores give them, never the cache or the network.
  'shared/ui': { layers: ['api', 'db', 'composables'], packages: ['ofetch', 'dexie'] },
};
const apps = ['pwa', 'extension', 'server'].flatMap(layer);

/** Components call stores and composables only: data access stays testable outside the view. */
const componentRule = {
  paths: ['ofetch', 'dexie'].map((name) => ({ name, message: 'Components call stores and composables only.' })),
  patterns: [
    {
      group: ['**/shared/api*', '**/shared/db*', '@shared/api*', '@shared/db*', '**/api/*', '**/db/*'],
      message: 'Components call stores and composables only.',
    },
  ],
};

/**
 * Each folder's import restrictions, plus rule 9 for its .vue files. Flat config lets a later
 * `no-restricted-imports` replace an earlier one, so every file gets exactly one, merged here.
 */
function restrict(folder, { paths = [], patterns = [] }) {
  const rule = (extra) => ['error', { paths: [...paths, ...extra.paths], patterns: [...patterns, ...extra.patterns] }];
  return [
    {
      files: [`${folder}/**/*.ts`],
      ignores: [`${folder}/**/*.test.ts`],
      rules: { 'no-restricted-imports': rule({ paths: [], patterns: [] }) },
    },
    { files: [`${folder}/**/*.vue`], rules: { 'no-restricted-imports': rule(componentRule) } },
  ];
}

const layerRules = Object.entries(below).flatMap(([folder, { layers, packages }]) =>
  restrict(folder, {
    paths: packages.map((name) => ({ name, message: `${folder} must not depend on ${name}.` })),
    patterns: [{ group: [...layers.flatMap(layer), ...apps], message: `${folder} may only import layers below it.` }],
  }),
);

/** The server runs the same rules and schemas as the clients, and nothing else of theirs. */
const serverShared = {
  group: [
    ...['api', 'db', 'files', 'commands', 'sync', 'composables', 'stores', 'ui'].flatMap(sharedLayer),
    ...layer('pwa'),
    ...layer('extension'),
  ],
  message: 'server/ may import shared/domain and shared/schemas only.',
};

/**
 * The server's own layers, each with the folders it must not import: routes speak HTTP and call
 * services; services decide without knowing HTTP; db holds every query and knows nobody above it.
 */
const serverLayers = {
  'server/routes': ['db', 'tls', 'vendor'],
  'server/services': ['http', 'routes', 'tls', 'vendor'],
  'server/db': ['services', 'http', 'routes', 'admin', 'tls', 'vendor'],
  'server/http': ['db', 'tls', 'vendor'],
  // The vendor's CLI works on the database directly, never through HTTP.
  'server/admin': ['http', 'routes'],
  // How the server meets the network (listen address, TLS, certificates): startup wiring only.
  'server/tls': ['services', 'http', 'routes', 'admin', 'vendor'],
  // The two command lines' shared argument parsing, error output and exit codes (and their database).
  'server/command-line': ['services', 'http', 'routes', 'admin', 'tls', 'vendor', 'operate', 'licensing'],
  // Keys, license files, device certificates: formats and checks, no database, no vendor signing.
  'server/licensing': ['db', 'services', 'http', 'routes', 'admin', 'tls', 'vendor'],
};

const serverRules = [
  ...restrict('server', { patterns: [serverShared] }),
  ...Object.entries(serverLayers).flatMap(([folder, banned]) =>
    restrict(folder, {
      patterns: [
        serverShared,
        {
          group: banned.flatMap(layer),
          message: `${folder} must not import ${banned.map((name) => `server/${name}`).join(' or ')}.`,
        },
      ],
    }),
  ),
];

const appRules = [
  ...serverRules,
  ...restrict('pwa', {
    patterns: [{ group: [...layer('extension'), ...layer('server')], message: 'No app imports another app.' }],
  }),
  ...restrict('extension', {
    patterns: [{ group: [...layer('pwa'), ...layer('server')], message: 'No app imports another app.' }],
  }),
];

/**
 * The shared schemas (and the extension's storage schemas) run on the full zod on the server and on
 * zod/mini in the browsers (scripts/client-zod.ts): they may use only the API both have. The full
 * zod's chained methods type-check but do not exist at run time in a browser.
 */
const CLASSIC_ONLY = [
  'optional',
  'nullable',
  'nullish',
  'default',
  'prefault',
  'catch',
  'min',
  'max',
  'nonempty',
  'int',
  'positive',
  'negative',
  'nonnegative',
  'nonpositive',
  'gt',
  'gte',
  'lt',
  'lte',
  'multipleOf',
  'email',
  'url',
  'uuid',
  'regex',
  'extend',
  'safeExtend',
  'pick',
  'omit',
  'partial',
  'required',
  'merge',
  'strict',
  'passthrough',
  'strip',
  'catchall',
  'keyof',
  'or',
  'and',
  'refine',
  'superRefine',
  'transform',
  'pipe',
  'describe',
  'meta',
  'brand',
  'readonly',
];
const zodBothWays = {
  files: ['shared/schemas/**/*.ts', 'extension/storage/schemas.ts'],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector: `CallExpression[callee.type='MemberExpression'][callee.object.name!='z'][callee.property.name=/^(${CLASSIC_ONLY.join('|')})$/]`,
        message: 'The browsers run these schemas on zod/mini: use z.optional(x), x.check(z.maxLength(n)) and the like.',
      },
    ],
  },
};

/**
 * The server's request paths run on Node 20, whose V8 takes a slow path for every property that
 * follows a spread in an object literal (about a microsecond each, measured): `{ ...row, extra }`
 * once cost a third of a /status poll. Name the properties instead. The CLI and tests may.
 */
const serverHotPaths = {
  files: ['server/{db,http,routes,services}/**/*.ts'],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector: "ObjectExpression > SpreadElement[argument.type!='ConditionalExpression'] ~ Property",
        message:
          "Node 20's V8 is slow on a property after a spread in an object literal (about 1 µs each): name the properties.",
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'dist/', 'data/', 'coverage/', 'test-results/'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  ...layerRules,
  ...appRules,
  zodBothWays,
  serverHotPaths,
  // Formatting is Prettier's (npm run lint runs prettier --check): its conflicting rules are off.
  prettier,
);
