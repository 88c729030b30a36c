// Live reload for `lessonkit serve`: a server-sent-events channel and the tiny script that
// listens to it. The script is added to pages as they are served, never written into dist/.
import type { ServerResponse } from "node:http";

export const EVENTS_PATH = "/__lessonkit/events";

export const RELOAD_SCRIPT = `<script>/* lessonkit serve: live reload */new EventSource(${JSON.stringify(EVENTS_PATH)}).addEventListener("reload",()=>location.reload());</script>`;

/** Puts the reload script before the last `</body>` (or at the end of a page without one). */
export function injectReloadScript(html: string): string {
  const at = html.toLowerCase().lastIndexOf("</body>");
  return at === -1 ? `${html}${RELOAD_SCRIPT}\n` : `${html.slice(0, at)}${RELOAD_SCRIPT}\n${html.slice(at)}`;
}

/** The open event streams; `reload()` tells every page to reload. */
export class ReloadChannel {
  private readonly clients = new Set<ServerResponse>();
  private sent = 0;

  open(response: ServerResponse): void {
    response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive" });
    response.write(": lessonkit live reload\n\n");
    this.clients.add(response);
    response.on("close", () => this.clients.delete(response));
  }

  reload(): void {
    this.sent += 1;
    for (const client of this.clients) client.write(`event: reload\ndata: ${this.sent}\n\n`);
  }

  get size(): number {
    return this.clients.size;
  }

  closeAll(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}
