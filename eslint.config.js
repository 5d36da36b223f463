// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layers point down: the pure layers may not reach IO or the layers above them. */
const pureLayerImports = {
  patterns: [
    {
      group: ['node:*', 'fs', 'path', 'child_process', 'http', 'https', 'os', 'net'],
      message: 'src/extract and src/domain are pure: no IO. Pass data in.',
    },
    {
      group: ['**/store/**', '**/http/**', '**/cli/**', '**/read/**', '**/app/**'],
      message: 'src/extract and src/domain may not import the layers above them.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/extract/**/*.ts', 'src/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', pureLayerImports],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'pure layer: no process access' },
        { name: 'Date', message: 'pure layer: pass "today" in instead of reading the clock' },
      ],
    },
  },
);
