import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** An import of one of our top-level folders (by a relative path) other than those named. */
const ourFolderExcept = (...allowed) => ({
  regex: `^\\.\\.?/(?:\\.\\./)*(?:src/)?(?!(?:${allowed.join('|')})(?:/|$))(?:main|renderer|preload|shared|bench|e2e|scripts)(?:/|$)`,
});

const ELECTRON = {
  name: 'electron',
  message: 'Only src/main/hosts/electron and src/preload may import electron.',
};
const NODE_BUILTINS = {
  regex: '^node:',
  message: 'No Node built-ins here: this code also runs in the browser.',
};

/** One no-restricted-imports rule from the paths and patterns a folder may not import. */
const restrict = (paths, patterns) => ['error', { paths, patterns }];

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': restrict([ELECTRON], []),
    },
  },
  {
    files: ['src/main/hosts/electron/**/*.ts', 'src/preload/**/*.ts', 'e2e/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Pure code shared by every side: nothing of ours outside src/shared.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [ELECTRON],
        [{ ...ourFolderExcept('shared'), message: 'src/shared imports nothing of ours outside src/shared.' }],
      ),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [ELECTRON],
        [
          { ...ourFolderExcept('shared'), message: 'src/shared imports nothing of ours outside src/shared.' },
          NODE_BUILTINS,
        ],
      ),
    },
  },
  {
    // The domain runs under every host: it imports no host, and no Electron.
    files: ['src/main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [ELECTRON],
        [
          { regex: '(?:^|/)hosts(?:/|$)', message: 'Services import no host (src/main/hosts).' },
          { ...ourFolderExcept('main', 'shared'), message: 'Services import only src/main and src/shared.' },
        ],
      ),
    },
  },
  {
    // The UI talks to the services only through api.ts and the shared contract.
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        [ELECTRON],
        [
          {
            ...ourFolderExcept('renderer', 'shared'),
            message: 'src/renderer imports only src/shared and itself.',
          },
        ],
      ),
    },
  },
  {
    // Its tests run in Node and may read the sources; the UI itself runs in the browser.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        [ELECTRON],
        [
          {
            ...ourFolderExcept('renderer', 'shared'),
            message: 'src/renderer imports only src/shared and itself.',
          },
          NODE_BUILTINS,
        ],
      ),
      // The page loads no zod: the host validates every call. Types from the schemas are welcome.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^zod$|/shared/model/(?!(?:highlight-colors|document-order|tag-key|default-settings)$)[^/]+$|/shared/contract(?:/(?!transport$)[^/]+)?$',
              allowTypeImports: true,
              message:
                'The renderer imports only types from zod schemas (values: model/highlight-colors, document-order, tag-key, default-settings, contract/transport).',
            },
          ],
        },
      ],
    },
  },
);
