import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'docs/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Loading 'electron' outside the shell tries to download the binary (see DESIGN.md).
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron/main', 'electron/common', 'electron/renderer'].map((name) => ({
            name,
            message: "Only electron/shell/ may import 'electron'.",
          })),
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/^electron(\\/|$)/]',
          message: "Only electron/shell/ may import 'electron'.",
        },
        {
          selector: "CallExpression[callee.name='require'][arguments.0.value=/^electron(\\/|$)/]",
          message: "Only electron/shell/ may import 'electron'.",
        },
      ],
    },
  },
  { files: ['electron/shell/**'], rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  prettier,
);
