import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The direction of imports from shared/CONVENTIONS.md: each zone lists what `target` may NOT import.
const src = './src';
const zone = (target, from, message) => ({
  target: `${src}/${target}`,
  from: from.map((f) => `${src}/${f}`),
  message,
});
const features = ['review', 'stats', 'library', 'settings'];
const restrictedZones = [
  zone(
    'shared',
    ['deck', 'scheduler', 'storage', 'render', 'ui', 'app', ...features],
    'shared/ imports nothing of ours.',
  ),
  zone(
    'deck',
    ['scheduler', 'storage', 'render', 'ui', 'app', ...features],
    'deck/ may import only shared/.',
  ),
  zone(
    'scheduler',
    ['deck', 'storage', 'render', 'ui', 'app', ...features],
    'scheduler/ may import only shared/.',
  ),
  zone(
    'storage',
    ['render', 'ui', 'app', ...features],
    'storage/ may import shared/ and types of deck/ and scheduler/.',
  ),
  zone(
    'render',
    ['deck', 'scheduler', 'storage', 'app', ...features],
    'render/ may import shared/ and ui/.',
  ),
  zone(
    'ui',
    ['shared', 'deck', 'scheduler', 'storage', 'render', 'app', ...features],
    'ui/ imports nothing of ours.',
  ),
  ...features.map((f) =>
    zone(
      f,
      ['app', ...features.filter((o) => o !== f)],
      `${f}/ may not import app/ or another feature.`,
    ),
  ),
];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      'import-x/resolver-next': [
        importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: restrictedZones }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='it'][callee.property.name='only']",
          message: 'No focused tests.',
        },
        {
          selector: "CallExpression[callee.object.name='describe'][callee.property.name='only']",
          message: 'No focused tests.',
        },
        {
          selector: "CallExpression[callee.object.name='test'][callee.property.name='only']",
          message: 'No focused tests.',
        },
      ],
    },
  },
  {
    // Pure domain modules take `now` as an argument: no clock, no window, no storage.
    files: ['src/deck/**/*.ts', 'src/scheduler/**/*.ts', 'src/stats/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.tsx'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Take `now` as an argument.' },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB'],
      'no-restricted-imports': ['error', { paths: ['react', 'zustand', 'idb-keyval'] }],
    },
  },
);
