/** Secret values never reach a diff: only their size, and whether they changed. */
import { describe, expect, it } from 'vitest';
import { redactedObjects } from '../../src/diff/manifests.js';

const secret = (data: Record<string, string>) =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n${Object.entries(data)
    .map(([k, v]) => `  ${k}: ${Buffer.from(v).toString('base64')}`)
    .join('\n')}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  mode: fast\n`;

describe('redactedObjects', () => {
  it('shows sizes and changes of Secret values, never the values, and leaves other objects alone', () => {
    const before = secret({ password: 'hunter2', user: 'app' });
    const after = secret({ password: 'correct-horse', user: 'app', token: 'abc' });
    const text = redactedObjects(after, before);
    expect(text).toContain('password: "changed (13 bytes)"');
    expect(text).toContain('user: "(3 bytes)"');
    expect(text).toContain('token: "added (3 bytes)"');
    expect(text).toContain('mode: fast');
    for (const v of ['hunter2', 'correct-horse', Buffer.from('correct-horse').toString('base64'), 'abc\n']) expect(text).not.toContain(v);
  });

  it('stringData is redacted too', () => {
    const text = redactedObjects('apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  key: plain-secret\n');
    expect(text).not.toContain('plain-secret');
    expect(text).toContain('key: "(12 bytes)"');
  });
});
