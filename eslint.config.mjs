// @ts-check
/**
 * Lint: the engine stays pure (principle 1). src/engine may not import Office, Node, React or any host library,
 * nor the hosts' own modules; it reaches the world only through the data hosts hand it.
 */
import tseslint from 'typescript-eslint';

const HOSTS_ONLY = [
  { group: ['node:*'], message: 'src/engine 只做纯计算：不得引用 Node 内置模块，文件读写放在 src/cli 或 src/io。' },
  { group: ['react', 'react-dom', 'react/*', '@fluentui/*'], message: 'src/engine 不得引用 React：界面放在 src/taskpane。' },
  { group: ['office-js', '@types/office-js', 'office-addin-*'], message: 'src/engine 不得引用 Office.js：读写工作簿放在 src/excel。' },
  { group: ['exceljs', '@e965/xlsx', 'docx', 'commander', 'cli-progress'], message: 'src/engine 不得引用读写文件或命令行的库：放在 src/io、src/cli 或 src/docx。' },
  { group: ['**/cli/*', '**/io/*', '**/excel/*', '**/taskpane/*', '**/docx/*'], message: 'src/engine 不得引用宿主模块：数据只从宿主流向引擎。' },
];

const NODE_BUILTINS = ['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os', 'path', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'assets/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx', 'tests/**/*.ts', 'tests/**/*.tsx', 'bench/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'src/engine 只做纯计算：不得引用 Node 内置模块。' })),
          patterns: HOSTS_ONLY,
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['Office', 'Excel', 'window', 'document', 'process', 'require', 'Buffer', '__dirname'].map((name) => ({ name, message: `src/engine 不得使用宿主的全局对象 ${name}。` })),
      ],
    },
  },
);
