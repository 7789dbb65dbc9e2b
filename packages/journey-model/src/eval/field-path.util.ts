/**
 * Reads a dotted path (`contact.attributes.plan`) from a plain-data scope. Only own,
 * enumerable properties are followed, so paths can never reach prototypes
 * (`__proto__`, `constructor`) or functions. Arrays accept numeric segments.
 * @example resolvePath({ vars: { order: { total: 12 } } }, 'vars.order.total') // 12
 */
export function resolvePath(scope: unknown, path: string): unknown {
  let current: unknown = scope;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.propertyIsEnumerable.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
    if (typeof current === 'function') return undefined;
  }
  return current;
}
