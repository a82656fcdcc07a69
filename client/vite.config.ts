import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown } from 'vite';

const apiTarget = 'http://localhost:3000';

/** The most JavaScript the overview (`/`) may fetch before its first paint, gzipped: 250 kB. */
const INITIAL_JS_BUDGET_BYTES = 250_000;

/** The module of the overview page: the chunk the `/` route loads (lazily) before it can paint. */
const OVERVIEW_PAGE_MODULE = 'features/overview/components/OverviewPage';

interface ChunkSize {
  fileName: string;
  /** Why `/` needs it before its first paint. */
  role: 'entry' | 'overview page' | 'static import';
  bytes: number;
  gzipBytes: number;
}

/**
 * After `vite build`, prints the JavaScript the overview (`/`) needs before its first paint, gzipped: the entry
 * chunk, the overview page's chunk (its route is lazy) and every chunk either imports statically. The charts'
 * chunk, loaded later on demand, is not counted. Fails the build over the budget, and writes the figures to
 * `dist/bundle-size.json` for the notes and the benchmark.
 */
function initialJsBudget(budgetBytes: number): Plugin {
  return {
    name: 'monitor:initial-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, Rolldown.OutputChunk>();
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') chunks.set(output.fileName, output);
      }
      const normalise = (id: string) => id.replaceAll('\\', '/');
      const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
      const overview = [...chunks.values()].find(
        (chunk) =>
          normalise(chunk.facadeModuleId ?? '').includes(OVERVIEW_PAGE_MODULE) ||
          chunk.moduleIds.some((id) => normalise(id).includes(OVERVIEW_PAGE_MODULE)),
      );
      if (!entry) return this.error('initial JS budget: no entry chunk in the bundle');
      if (!overview) return this.error(`initial JS budget: no chunk holds ${OVERVIEW_PAGE_MODULE}`);

      const sizes = new Map<string, ChunkSize>();
      const add = (fileName: string, role: ChunkSize['role']) => {
        const chunk = chunks.get(fileName);
        if (!chunk || sizes.has(fileName)) return;
        sizes.set(fileName, {
          fileName,
          role,
          bytes: Buffer.byteLength(chunk.code),
          gzipBytes: gzipSync(chunk.code).length,
        });
        for (const imported of chunk.imports) add(imported, 'static import');
      };
      add(entry.fileName, 'entry');
      add(overview.fileName, 'overview page');

      const list = [...sizes.values()];
      const initialJsGzipBytes = list.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);

      // Every other page the same way: the entry and the page's chunk, with everything either imports statically.
      const gzipOf = new Map<string, number>();
      const gzipped = (fileName: string) => {
        if (!gzipOf.has(fileName)) gzipOf.set(fileName, gzipSync(chunks.get(fileName)!.code).length);
        return gzipOf.get(fileName)!;
      };
      const closure = (fileName: string, seen: Set<string>) => {
        const chunk = chunks.get(fileName);
        if (!chunk || seen.has(fileName)) return seen;
        seen.add(fileName);
        for (const imported of chunk.imports) closure(imported, seen);
        return seen;
      };
      const pages = [...chunks.values()]
        .map((chunk) => ({ chunk, page: /\/(\w+Page)\.tsx$/.exec(normalise(chunk.facadeModuleId ?? ''))?.[1] }))
        .filter((x): x is { chunk: Rolldown.OutputChunk; page: string } => x.page !== undefined)
        .map(({ chunk, page }) => {
          const files = closure(chunk.fileName, closure(entry.fileName, new Set()));
          return { page, initialJsGzipBytes: [...files].reduce((sum, file) => sum + gzipped(file), 0) };
        })
        .sort((a, b) => a.page.localeCompare(b.page));
      const chartsUpFront = list.filter((chunk) =>
        chunks.get(chunk.fileName)!.moduleIds.some((id) => normalise(id).includes('/node_modules/chart.js/')),
      );

      this.emitFile({
        type: 'asset',
        fileName: 'bundle-size.json',
        source: `${JSON.stringify({ route: '/', initialJsGzipBytes, budgetBytes, chunks: list, pages }, null, 2)}\n`,
      });

      const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
      console.log(
        `\ninitial JS for / : ${kB(initialJsGzipBytes)} gzipped (budget ${kB(budgetBytes)}), in ${list.length} chunks:\n` +
          list.map((chunk) => `  ${chunk.fileName} (${chunk.role}): ${kB(chunk.gzipBytes)} gzipped`).join('\n') +
          `\ninitial JS by page (entry + page chunk + their static imports, gzipped):\n` +
          pages.map(({ page, initialJsGzipBytes: bytes }) => `  ${page}: ${kB(bytes)}`).join('\n'),
      );
      if (chartsUpFront.length > 0) {
        this.warn(
          `chart.js is in the initial JS of / (${chartsUpFront.map((chunk) => chunk.fileName).join(', ')}): ` +
            'load charts with React.lazy',
        );
      }
      if (initialJsGzipBytes > budgetBytes) {
        this.error(`initial JS for / is ${kB(initialJsGzipBytes)} gzipped, over the budget of ${kB(budgetBytes)}`);
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), initialJsBudget(INITIAL_JS_BUDGET_BYTES)],
  server: {
    proxy: { '/api': apiTarget },
  },
  preview: {
    proxy: { '/api': apiTarget },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
