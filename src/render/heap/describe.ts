// The heap diagram in words, for its <title>/<desc> (screen readers) and for tests.
import type { HeapObject, HeapSnapshot } from "../../runners/types.js";
import { formatRefcount, hexAddress, informativeSummary } from "./layout.js";

function objectPhrase(object: HeapObject | undefined, id: number): string {
  if (object === undefined) return `an object at ${hexAddress(id)} (not shown)`;
  const summary = informativeSummary(object);
  const value = summary !== undefined ? ` ${summary}` : "";
  return `${object.type}${value} at ${hexAddress(object.address)}`;
}

/** One sentence per name and per object with references, in snapshot order. */
export function describeHeap(snapshot: HeapSnapshot): string {
  const objects = new Map<number, HeapObject>();
  for (const object of snapshot.objects) if (!objects.has(object.id)) objects.set(object.id, object);
  const sentences: string[] = [];
  for (const entry of snapshot.names) sentences.push(`${entry.name} refers to ${objectPhrase(objects.get(entry.object), entry.object)}.`);
  for (const object of objects.values()) {
    const references = object.references.map((reference) => `${reference.label} to ${objectPhrase(objects.get(reference.object), reference.object)}`);
    const tail = references.length > 0 ? `, refers ${references.join(", ")}` : "";
    sentences.push(`${objectPhrase(object, object.id)} has ${formatRefcount(object.refcount)}${tail}.`);
  }
  return sentences.join(" ");
}

export function heapTitle(snapshot: HeapSnapshot, cellLabel: string): string {
  const objectCount = new Set(snapshot.objects.map((object) => object.id)).size;
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;
  return `Heap after ${cellLabel}: ${plural(snapshot.names.length, "name")}, ${plural(objectCount, "object")}`;
}
