// The error for input that cannot be read as a lesson at all (missing, a folder, broken JSON).

/** Thrown for unreadable input; the message names the file (and the place, when known). */
export class LessonLoadError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly place?: { readonly line: number; readonly column: number },
  ) {
    super(place === undefined ? `${path}: ${reason}` : `${path}:${place.line}:${place.column}: ${reason}`);
    this.name = "LessonLoadError";
  }
}
