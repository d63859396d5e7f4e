/**
 * Serves the workbench (dist/workbench) on 127.0.0.1 — `npm run workbench`, and what `npm start` does
 * when no org is connected (scripts/start.ts calls serveWorkbench). Plain Node http, no dependencies.
 *
 * CLI: `npm run workbench [-- --port 3000] [--host 127.0.0.1] [--no-build]`; PORT is honoured too.
 * Stays up until Ctrl-C.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildWorkbench, describeBuild, type WorkbenchBuildOptions } from './build';
import { pageReferenceFromLightningUrl } from './runtime/pageReferences';

export interface ServeOptions {
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (local only). */
  host?: string;
  /** Build first (default true). */
  build?: boolean;
  /** Passed to buildWorkbench. */
  buildOptions?: WorkbenchBuildOptions;
  projectRoot?: string;
  log?: (line: string) => void;
}

export interface RunningWorkbench {
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8'
};

/**
 * Maps a request path onto a file under `root`; undefined when it would escape `root` (`..`, encoded
 * or not) or is malformed. `/` → index.html.
 */
export function resolveRequestPath(root: string, requestUrl: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://workbench.local').pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) {
    return undefined;
  }
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const absoluteRoot = path.resolve(root);
  const file = path.resolve(absoluteRoot, relative);
  if (file !== absoluteRoot && !file.startsWith(absoluteRoot + path.sep)) {
    return undefined;
  }
  return file;
}

/**
 * Lightning Experience URLs (`/lightning/r/<Object>/<id>/view`, `/lightning/r/<id>/view`,
 * `/lightning/o/<Object>/list`) that components put in plain links: the workbench answers with its own
 * page-reference route, so the shell opens the sample record or says where Lightning would go.
 */
export function lightningUrlToWorkbench(requestUrl: string): string | undefined {
  const pageReference = pageReferenceFromLightningUrl(requestUrl);
  return pageReference ? `/#/page?ref=${encodeURIComponent(JSON.stringify(pageReference))}` : undefined;
}

/** Static file handler for dist/workbench (GET/HEAD only, no directory listings). */
export function createStaticHandler(root: string): http.RequestListener {
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const lightningRoute = lightningUrlToWorkbench(request.url ?? '/');
    if (lightningRoute) {
      response.writeHead(302, { Location: lightningRoute }).end();
      return;
    }
    const file = resolveRequestPath(root, request.url ?? '/');
    if (!file) {
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    fs.stat(file, (error, stats) => {
      if (error || !stats.isFile()) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      response.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': stats.size,
        // A rebuild must show up on reload.
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff'
      });
      if (request.method === 'HEAD') {
        response.end();
        return;
      }
      fs.createReadStream(file).pipe(response);
    });
  };
}

/** Builds (unless `build: false`) and serves the workbench; resolves once it is listening. */
export async function serveWorkbench(options: ServeOptions = {}): Promise<RunningWorkbench> {
  const projectRoot = path.resolve(options.projectRoot ?? process.cwd());
  const log = options.log ?? ((line: string) => console.log(line));
  const root = path.resolve(projectRoot, options.buildOptions?.outDir ?? path.join('dist', 'workbench'));
  if (options.build !== false) {
    const result = await buildWorkbench({ log, ...options.buildOptions, projectRoot });
    log(describeBuild(result, projectRoot));
  } else if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root} has no index.html: build the workbench first (drop --no-build).`);
  }
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer(createStaticHandler(root));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // No port given: the same rule as the command line (PORT, else 3000), for every caller.
    server.listen(options.port ?? parsePort([], process.env), host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${address.port}/`;
  // Printed here so every caller (npm run workbench, npm start without an org) shows where to look.
  log(`\nWorkbench (local preview with sample data): ${url}\nPress Ctrl-C to stop.`);
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      })
  };
}

/** `--port 4000`, `--port=4000`, else PORT, else 3000. */
export function parsePort(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const index = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  const raw =
    index < 0 ? env.PORT : argv[index]?.includes('=') ? argv[index]?.split('=')[1] : argv[index + 1];
  if (raw === undefined || raw === '') {
    return 3000;
  }
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid port "${raw}": use a number from 0 to 65535.`);
  }
  return port;
}

function parseHost(argv: readonly string[]): string | undefined {
  const index = argv.findIndex((arg) => arg === '--host' || arg.startsWith('--host='));
  if (index < 0) {
    return undefined;
  }
  return argv[index]?.includes('=') ? argv[index]?.split('=')[1] : argv[index + 1];
}

async function main(argv: string[]): Promise<void> {
  try {
    const running = await serveWorkbench({
      port: parsePort(argv, process.env),
      host: parseHost(argv),
      build: !argv.includes('--no-build')
    });
    const stop = (): void => {
      void running.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    const message =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `port in use (${(error as Error).message}); try --port <n>`
        : (error as Error).message;
    console.error(`workbench: ${message}`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2));
}
