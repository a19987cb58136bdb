export type ProxyLayout = Readonly<{ port: number; servers: ReadonlyArray<Readonly<{ name: string; port: number }>> }>;

/**
 * deploy/haproxy.cfg for a local cluster: the example's `bind` on the given port and its
 * `server` lines replaced by one per instance, everything else as documented there.
 */
export function haproxyConfig(template: string, layout: ProxyLayout): string {
  const lines = template.split('\n');
  const firstServer = lines.findIndex((line) => /^\s*server\s/.test(line));
  if (firstServer < 0 || !lines.some((line) => /^\s*bind\s/.test(line))) {
    throw new Error('the HAProxy example has no bind or server line');
  }
  const indent = /^\s*/.exec(lines[firstServer] ?? '')?.[0] ?? '    ';
  const servers = layout.servers.map(({ name, port }) => `${indent}server ${name} 127.0.0.1:${port} check`);
  const kept = lines.flatMap((line, i) => {
    if (i === firstServer) return servers;
    if (/^\s*server\s/.test(line)) return [];
    return [line.replace(/^(\s*bind\s+[^:\s]+:)\d+/, `$1${layout.port}`)];
  });
  return kept.join('\n');
}
