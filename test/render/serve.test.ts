// `lessonkit serve`: dist/ on 127.0.0.1 with live reload injected into served pages only, a
// reload event when a build swaps dist/ in, nothing outside the folder, and a clean Ctrl-C.
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { request, get } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSiteServer, fileForUrlPath } from "../../src/render/serve/site-server.js";
import { watchFolderSwaps } from "../../src/render/serve/folder-swaps.js";
import { EVENTS_PATH, RELOAD_SCRIPT } from "../../src/render/serve/live-reload.js";
import { writeFolderAtomically } from "../../src/render/atomic-dir.js";

const COMPILED = existsSync(path.resolve("build/src/cli/main.js"));
const PAGE = "<!doctype html><html><body><p>lesson</p></body></html>";

async function siteFolder(): Promise<string> {
  const root = path.join(await mkdtemp(path.join(tmpdir(), "lk-serve-")), "dist");
  await writeFolderAtomically(root, new Map([["index.html", PAGE], ["style.css", "body{}"]]));
  return root;
}

function rawGet(url: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: "GET" }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the site server", () => {
  it("serves pages with the reload script added, and other files as they are", async () => {
    const root = await siteFolder();
    const server = await startSiteServer({ root, port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(server.url);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(await page.text()).toBe(`<!doctype html><html><body><p>lesson</p>${RELOAD_SCRIPT}\n</body></html>`);
      expect(await (await fetch(`${server.url}style.css`)).text()).toBe("body{}");
      // The script exists only on the wire: the file on disk is untouched.
      expect(await readFile(path.join(root, "index.html"), "utf8")).toBe(PAGE);
      const missing = await fetch(`${server.url}nope.html`);
      expect(missing.status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("never serves a file outside the folder", async () => {
    const root = await siteFolder();
    const server = await startSiteServer({ root, port: 0 });
    try {
      for (const attempt of ["/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/../../etc/passwd"]) {
        const response = await rawGet(server.url, attempt);
        expect(response.body).not.toContain("root:");
      }
      // ".." cannot climb above the folder: such paths stay inside it.
      expect(fileForUrlPath(root, "/..%2f..%2fetc%2fpasswd")).toBe(path.join(root, "etc", "passwd"));
      expect(fileForUrlPath(root, "/a/../index.html")).toBe(path.join(root, "index.html"));
    } finally {
      await server.close();
    }
  });

  it("sends a reload event to open pages when a build swaps the folder in", async () => {
    const root = await siteFolder();
    const server = await startSiteServer({ root, port: 0 });
    const swaps = await watchFolderSwaps(root, 50, () => server.reloads.reload());
    try {
      const received = new Promise<string>((resolve, reject) => {
        get(new URL(EVENTS_PATH, server.url), (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes("event: reload")) resolve(text);
          });
        }).on("error", reject);
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(server.reloads.size).toBe(1);
      await writeFolderAtomically(root, new Map([["index.html", PAGE.replace("lesson", "rebuilt")]]));
      expect(await received).toContain("event: reload\ndata: 1\n");
    } finally {
      swaps.close();
      await server.close();
    }
  });
});

describe.skipIf(!COMPILED)("lessonkit serve (needs the compiled build/: npm run build)", () => {
  it("prints its URL, serves dist/, and stops cleanly on Ctrl-C (exit 0)", async () => {
    const root = await siteFolder();
    const child = spawn(process.execPath, [path.resolve("bin/lessonkit.js"), "serve", "--out", root, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.on("exit", (code) => reject(new Error(`serve exited (${code}): ${out}`)));
    });
    expect(await (await fetch(url)).text()).toContain("<p>lesson</p>");
    // An open live-reload stream must not keep the server from stopping.
    get(new URL(EVENTS_PATH, url)).on("error", () => {});
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(out).toContain("lessonkit serve: stopped");
  });

  it("refuses a port that is not a number (exit 2)", async () => {
    const child = spawn(process.execPath, [path.resolve("bin/lessonkit.js"), "serve", "--port", "eighty"], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    expect(await new Promise((resolve) => child.on("exit", resolve))).toBe(2);
    expect(err).toContain("--port");
  });
});
