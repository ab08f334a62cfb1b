// The container side of a `host:container[:ro|rw]` bind, as Docker compares them for "Duplicate
// mount point": the path without a trailing slash.
export function mountTarget(bind: string): string {
  const target = bind.split(':')[1] ?? '';
  return target.length > 1 ? target.replace(/\/+$/, '') : target;
}
