/** Which image users the kubelet's runAsNonRoot check lets start when no numeric UID is set. */
import { describe, expect, it } from 'vitest';
import { nonRootRefusal } from '../../src/oci/image-user.js';

describe('an image USER under runAsNonRoot', () => {
  it('root, empty and names are refused; a numeric non-zero UID starts', () => {
    expect(['', 'root', '0', '0:0', 'app', 'nginx:nginx'].map((u) => nonRootRefusal(u) !== undefined)).toEqual([true, true, true, true, true, true]);
    expect(['1000', '65532:65532', '10001:0'].map(nonRootRefusal)).toEqual([undefined, undefined, undefined]);
  });
});
