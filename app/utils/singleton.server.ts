/** Keeps one instance of a value per process, also across rebuilds of the server bundle in development. */
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __leertuinSingletons?: Map<string, unknown> };
  store.__leertuinSingletons ??= new Map();
  if (!store.__leertuinSingletons.has(name)) store.__leertuinSingletons.set(name, create());
  return store.__leertuinSingletons.get(name) as T;
}
