// Lint rules. The boundary rule keeps src/ platform-neutral: the engine never
// imports an adapter or a platform SDK (tests/architecture also checks it).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/adapters/**', '../adapters/*', '../../adapters/*'], message: 'src/ must not import adapters/.' },
            { group: ['@slack/*', 'discord.js', '@discordjs/*'], message: 'src/ must stay platform-neutral.' },
          ],
        },
      ],
      'no-console': 'error',
    },
  },
);
