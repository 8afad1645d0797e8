/**
 * Lookups by a key that came from outside (an id in a command, a name in a file): only the
 * object's own properties count, never what it inherits (`__proto__`, `constructor`, `toString`…).
 */
export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** The value stored under `key` itself, or undefined. */
export function own<T>(object: Readonly<Record<string, T>>, key: string): T | undefined {
  return hasOwn(object, key) ? object[key] : undefined;
}
