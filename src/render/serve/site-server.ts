// A static server for the built site on 127.0.0.1: files from the folder (read at each request,
// since builds swap the folder), the live-reload channel, and nothing outside the folder.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { EVENTS_PATH, ReloadChannel, injectReloadScript } from "./live-reload.js";

const CONTENT_TYPES = new Map<string, string>([
  [".html", "text/html; charset=utf-8"],
  [".css", "text/css; charset=utf-8"],
  [".js", "text/javascript; charset=utf-8"],
  [".svg", "image/svg+xml"],
  [".png", "image/png"],
  [".jpg", "image/jpeg"],
  [".jpeg", "image/jpeg"],
  [".gif", "image/gif"],
  [".json", "application/json; charset=utf-8"],
  [".txt", "text/plain; charset=utf-8"],
]);

export interface SiteServerOptions {
  /** The folder served (dist/). */
  readonly root: string;
  /** 0 picks a free port. */
  readonly port: number;
}

export interface SiteServer {
  /** "http://127.0.0.1:8080/" */
  readonly url: string;
  readonly reloads: ReloadChannel;
  close(): Promise<void>;
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not built yet</title></head><body><main><h1>Not built yet</h1><p>Nothing here yet: run <code>lessonkit build</code> (or <code>lessonkit build --watch</code>); this page reloads when the build is done.</p></main></body></html>`;

/** The file a URL path names inside `root`, or undefined when it would leave the folder. */
export function fileForUrlPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const relative = path.relative(root, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  return file;
}

async function respondWithFile(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  let file = fileForUrlPath(root, url.pathname);
  if (file === undefined) {
    response.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("forbidden\n");
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
    const body = await readFile(file);
    const type = CONTENT_TYPES.get(path.extname(file).toLowerCase()) ?? "application/octet-stream";
    const payload = type.startsWith("text/html") ? Buffer.from(injectReloadScript(body.toString("utf8")), "utf8") : body;
    response.writeHead(200, { "content-type": type, "content-length": payload.length, "cache-control": "no-store" });
    response.end(request.method === "HEAD" ? undefined : payload);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
    const html = injectReloadScript(NOT_BUILT);
    response.writeHead(404, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    response.end(request.method === "HEAD" ? undefined : html);
  }
}

export async function startSiteServer(options: SiteServerOptions): Promise<SiteServer> {
  const root = path.resolve(options.root);
  const reloads = new ReloadChannel();
  const server = createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if ((request.url ?? "").split("?")[0] === EVENTS_PATH) {
      reloads.open(response);
      return;
    }
    respondWithFile(root, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end(`${(error as Error).message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // Loopback only: a preview of unpublished lessons is nobody else's business.
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    reloads,
    close: () =>
      new Promise<void>((resolve) => {
        reloads.closeAll();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
