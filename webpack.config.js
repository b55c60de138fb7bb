/*
 * Builds the Excel add-in (task pane + ribbon commands) into dist/addin; `--env fakeOffice` builds the e2e fake host.
 * ADDIN_BASE_URL and OFFICE_JS choose where the add-in is served from and where Office.js comes from
 * (scripts/addin-config.js); ADDIN_OUT the output folder (default dist/addin).
 */
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { addinConfig, rewriteManifest, renderPage, isLocalOfficeJsFile, LOCAL_OFFICE_JS_DIR } = require('./scripts/addin-config');

const DEV_PORT = 3000;

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  loader: 'ts-loader',
  options: {
    // Type checking is `npm run typecheck`; here ES modules are kept so webpack can tree-shake Fluent UI.
    transpileOnly: true,
    compilerOptions: { module: 'es2020', target: 'es2020', sourceMap: true },
  },
};

async function devServerHttps() {
  // Office requires https even for localhost; the certificates come from office-addin-dev-certs like the Microsoft
  // template does. `webpack build` never needs them.
  const devCerts = require('office-addin-dev-certs');
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env, argv) => {
  const dev = argv.mode === 'development';
  const common = {
    devtool: 'source-map',
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: [tsRule] },
    performance: { hints: false },
  };

  if (env.fakeOffice) {
    // The fake office.js for the browser e2e test (tests/e2e); never part of the add-in.
    return {
      ...common,
      mode: 'production',
      entry: { 'fake-office': './src/excel/fake/browser-host.ts' },
      output: { path: path.resolve(__dirname, 'dist/e2e'), filename: '[name].js', clean: true },
    };
  }

  const config = addinConfig(process.env);
  const page = (filename, template, chunk) =>
    new HtmlWebpackPlugin({ filename, templateContent: renderPage(fs.readFileSync(template, 'utf8'), config), chunks: [chunk] });
  const officeJsDir = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
  return {
    ...common,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      notice: './src/commands/notice.ts',
    },
    output: {
      // Not dist/: the CLI build writes dist/src, dist/bench. ADDIN_OUT lets a second variant sit beside it (e2e, CI).
      path: path.resolve(__dirname, process.env.ADDIN_OUT || 'dist/addin'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    plugins: [
      page('taskpane.html', './src/taskpane/taskpane.html', 'taskpane'),
      page('commands.html', './src/commands/commands.html', 'commands'),
      page('notice.html', './src/commands/notice.html', 'notice'),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', transform: (content) => rewriteManifest(content.toString('utf8'), config.baseUrl) },
          ...(config.officeJs === 'local'
            ? [
                {
                  from: officeJsDir,
                  to: LOCAL_OFFICE_JS_DIR,
                  filter: (file) => isLocalOfficeJsFile(path.relative(officeJsDir, file)),
                  // Served byte for byte as Microsoft ships them: not minified again (that would also take minutes).
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
    ],
    devServer: dev
      ? {
          port: DEV_PORT,
          server: { type: 'https', options: env.WEBPACK_SERVE ? await devServerHttps() : {} },
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          // No live-reload websocket: the task pane's CSP allows no connection but its own origin anyway, and
          // reloading the pane (right-click → 重新加载) is enough while developing.
          hot: false,
          liveReload: false,
          client: false,
        }
      : undefined,
  };
};
