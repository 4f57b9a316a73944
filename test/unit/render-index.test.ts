/** The render index, pure: a plan in, canonical bytes out; an index and inputs in, which claims to render out. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { blobId, buildIndex, claimInputsHash, type OwnedFile, parseIndex, selectClaims, serializeIndex, type SharedInputs } from '../../src/io/render-index/model.js';

const h = (c: string) => c.repeat(64);
const shared: SharedInputs = { renderer: h('a'), settings: h('b'), chart: h('c') };
const files: OwnedFile[] = [
  { path: 'rendered/dev/shop/api/values.yaml', content: 'shop api\n', claimFile: 'deployments/dev/shop.yaml' },
  { path: 'rendered/dev/shop/applicationset.yaml', content: 'shop appset\n', claimFile: 'deployments/dev/shop.yaml' },
  { path: 'rendered/dev/cart/api/values.yaml', content: 'cart api\n', claimFile: 'deployments/dev/cart.yaml' },
  { path: 'rendered/dev/namespaces.yaml', content: 'namespaces\n', claimFile: undefined },
];
const hashes = new Map([
  ['deployments/dev/shop.yaml', h('1')],
  ['deployments/dev/cart.yaml', h('2')],
]);

describe('render index model', () => {
  it('gives git blob ids, as git hash-object does', () => {
    for (const content of ['', 'a\n', 'héllo\n']) {
      expect(blobId(content)).toBe(execFileSync('git', ['hash-object', '--stdin'], { input: content, encoding: 'utf8' }).trim());
    }
  });

  it('is the same bytes whatever order the plan lists files and claims in', () => {
    const a = serializeIndex(buildIndex(shared, hashes, files));
    const b = serializeIndex(buildIndex(shared, new Map([...hashes].reverse()), [...files].reverse()));
    expect(a).toBe(b);
    expect(a.indexOf('deployments/dev/cart.yaml')).toBeLessThan(a.indexOf('deployments/dev/shop.yaml'));
    // One claim per line: a one-claim change is a one-line diff.
    expect(a.split('\n').filter((l) => l.startsWith('"deployments/'))).toHaveLength(2);
  });

  it('reads back what it wrote, and nothing a hand changed', () => {
    const index = buildIndex(shared, hashes, files);
    const text = serializeIndex(index);
    expect(parseIndex(text)).toEqual(index);
    expect(index.claims['deployments/dev/shop.yaml']!.files['rendered/dev/shop/api/values.yaml']).toBe(blobId('shop api\n'));
    expect(index.platform).toEqual({ 'rendered/dev/namespaces.yaml': blobId('namespaces\n') });
    // A changed blob id without the checksum redone; the same data laid out differently; not JSON; truncated.
    expect(parseIndex(text.replace(blobId('cart api\n'), blobId('cart api 2\n')))).toBeUndefined();
    expect(parseIndex(JSON.stringify(JSON.parse(text)))).toBeUndefined();
    expect(parseIndex('not json')).toBeUndefined();
    expect(parseIndex(text.slice(0, -2))).toBeUndefined();
    // A well-formed index of another format version is no index either.
    expect(parseIndex(serializeIndex({ ...index, format: 2 as never }))).toBeUndefined();
  });

  it('renders only the claim files whose inputs changed, and new ones; keeps the others’ files', () => {
    const previous = buildIndex(shared, hashes, files);
    const now = new Map([
      ['deployments/dev/shop.yaml', h('1')],
      ['deployments/dev/cart.yaml', h('3')],
      ['deployments/dev/new.yaml', h('4')],
    ]);
    const selection = selectClaims(previous, shared, now)!;
    expect([...selection.render].sort()).toEqual(['deployments/dev/cart.yaml', 'deployments/dev/new.yaml']);
    expect([...selection.kept.keys()].sort()).toEqual(['rendered/dev/shop/api/values.yaml', 'rendered/dev/shop/applicationset.yaml']);
    expect(selection.kept.get('rendered/dev/shop/api/values.yaml')).toEqual({ claimFile: 'deployments/dev/shop.yaml', blob: blobId('shop api\n') });
    // A removed claim file is neither rendered nor kept: its files go.
    expect(selectClaims(previous, shared, new Map([['deployments/dev/shop.yaml', h('1')]]))!.kept.has('rendered/dev/cart/api/values.yaml')).toBe(false);
  });

  it('renders everything when the renderer, the settings or the chart changed, or there is no index', () => {
    const previous = buildIndex(shared, hashes, files);
    expect(selectClaims(previous, shared, hashes)!.render.size).toBe(0);
    for (const key of ['renderer', 'settings', 'chart'] as const) expect(selectClaims(previous, { ...shared, [key]: h('f') }, hashes)).toBeUndefined();
    expect(selectClaims(undefined, shared, hashes)).toBeUndefined();
  });

  it('keys a claim on its path, its bytes and its base claim’s', () => {
    const one = claimInputsHash({ file: 'deployments/dev/shop.yaml', text: 'x' });
    expect(claimInputsHash({ file: 'deployments/prod/shop.yaml', text: 'x' })).not.toBe(one);
    expect(claimInputsHash({ file: 'deployments/dev/shop.yaml', text: 'y' })).not.toBe(one);
    expect(claimInputsHash({ file: 'deployments/dev/shop.yaml', text: 'x', base: { file: 'deployments/base/shop.yaml', text: '' } })).not.toBe(one);
  });
});
