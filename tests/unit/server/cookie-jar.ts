// A stand-in for SvelteKit's cookies in unit tests: what was set, with its options, read back and deleted.
export function cookieJar() {
  const values = new Map<string, string>();
  const options = new Map<string, unknown>();
  return {
    values, options,
    set: (name: string, value: string, o: unknown) => void (values.set(name, value), options.set(name, o)),
    get: (name: string) => values.get(name),
    delete: (name: string) => void values.delete(name)
  };
}
