// The only reader of this global: modules that own a singleton export named functions for the rest.
const store = () => {
  const global = globalThis as unknown as { __leertuinSingletons?: Map<string, unknown> };
  return (global.__leertuinSingletons ??= new Map());
};

/** Keeps one instance of a value per process, also across rebuilds of the server bundle in development. */
export function singleton<T>(name: string, create: () => T): T {
  const instances = store();
  if (!instances.has(name)) instances.set(name, create());
  return instances.get(name) as T;
}

/** Drops the named instance and hands it back (to close it); the next `singleton` call makes a new one. */
export function forgetSingleton<T>(name: string): T | undefined {
  const instances = store();
  const instance = instances.get(name) as T | undefined;
  instances.delete(name);
  return instance;
}
