import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules of eslint.config.js, fed files that import across a layer the wrong way. */
const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer lint', () => {
  it.each([
    [
      'a component importing the cache barrel',
      'pwa/src/components/Wrong.vue',
      '<script setup lang="ts">\nimport { readFirstPaint } from \'@shared/db\';\nvoid readFirstPaint;\n</script>\n',
    ],
    [
      'shared/ui importing the cache',
      'shared/ui/wrong.ts',
      "import { readFirstPaint } from '../db';\nexport const x = readFirstPaint;\n",
    ],
    [
      'the vendor CLI importing HTTP',
      'server/admin/wrong.ts',
      "import { respond } from '../http/respond';\nexport const x = respond;\n",
    ],
    [
      'the domain importing a store',
      'shared/domain/wrong.ts',
      "import { useOutboxStore } from '../stores';\nexport const x = useOutboxStore;\n",
    ],
    [
      'a command module importing the sync engine',
      'shared/commands/wrong.ts',
      "import { enqueue } from '../sync/outbox';\nexport const x = enqueue;\n",
    ],
    [
      'a store building block importing a store',
      'shared/composables/wrong.ts',
      "import { useOutboxStore } from '../stores/outbox';\nexport const x = useOutboxStore;\n",
    ],
    [
      'the CSV reader importing the cache',
      'shared/files/wrong.ts',
      "import { readFirstPaint } from '../db';\nexport const x = readFirstPaint;\n",
    ],
    [
      'the server importing the client command modules',
      'server/services/wrong.ts',
      "import { COMMANDS } from '@shared/commands';\nexport const x = COMMANDS;\n",
    ],
  ])('refuses %s', async (_what, filePath, code) => {
    expect(await importErrors(filePath, code)).not.toEqual([]);
  });

  it('lets a layer import the one below it', async () => {
    expect(
      await importErrors('shared/commands/right.ts', "import { text } from '../i18n';\nexport const x = text;\n"),
    ).toEqual([]);
    expect(
      await importErrors(
        'shared/stores/right.ts',
        "import { usePortal } from '../composables/portal';\nexport const x = usePortal;\n",
      ),
    ).toEqual([]);
  });
});
