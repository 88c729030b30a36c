// A construct the simulator does not implement: compiled into a statement that refuses by name.

export class UnsupportedSyntax extends Error {
  override name = "UnsupportedSyntax";
  constructor(
    readonly feature: string,
    readonly line: number,
  ) {
    super(`unsupported: ${feature}`);
  }
}
