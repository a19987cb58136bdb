import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../paths';
import { haproxyConfig } from './haproxy-config';

const example = readFileSync(repoPath('deploy/haproxy.cfg'), 'utf8');

describe('the local cluster’s HAProxy configuration', () => {
  it('is the documented example with its port and one server line per instance', () => {
    const config = haproxyConfig(example, {
      port: 9000,
      servers: [
        { name: 'bff1', port: 9001 },
        { name: 'bff2', port: 9002 },
        { name: 'bff3', port: 9003 },
      ],
    });
    const lines = config.split('\n');
    expect(lines.filter((line) => /^\s*bind\s/.test(line))).toEqual(['    bind 127.0.0.1:9000']);
    expect(lines.filter((line) => /^\s*server\s/.test(line))).toEqual([
      '    server bff1 127.0.0.1:9001 check',
      '    server bff2 127.0.0.1:9002 check',
      '    server bff3 127.0.0.1:9003 check',
    ]);
    // Everything else as documented: round robin, readiness checks.
    expect(config).toContain('balance roundrobin');
    expect(config).toContain('option httpchk GET /api/ready');
    expect(lines.length).toBe(example.split('\n').length + 1);
  });

  it('refuses a template without the lines it rewrites', () => {
    expect(() => haproxyConfig('global\n', { port: 1, servers: [] })).toThrow(/no bind or server line/);
  });
});
