import { createHash } from 'node:crypto';
import { accountLeaf, ContentV3, MerkleBuilder, merkleRoot, postingHashV3, transactionHashV3, transactionLeaf } from './ledger-hash.js';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const content = (over: Partial<ContentV3> = {}): ContentV3 => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'TRANSFER',
  regionId: '00000000-0000-4000-8000-0000000000aa',
  memo: '给岳父',
  sourceType: null,
  sourceId: null,
  reversesId: null,
  reason: null,
  initiatorId: '00000000-0000-4000-8000-0000000000bb',
  createdAtMicros: '1796100000000123',
  postings: [
    { accountId: 'b0000000-0000-4000-8000-000000000000', amount: 5, donateOnlyDelta: 0, accountIdentity: 'x' },
    { accountId: 'a0000000-0000-4000-8000-000000000000', amount: -5, donateOnlyDelta: -2, accountIdentity: 'y' },
  ],
  ...over,
});

describe('ledger hashes, format 3', () => {
  it('hashes a transaction independently of the order its legs are given in, and covers every field', () => {
    const base = transactionHashV3(content());
    expect(transactionHashV3(content({ postings: [...content().postings].reverse() }))).toBe(base);
    for (const over of [{ memo: '给岳母' }, { createdAtMicros: '1796100000000124' }, { initiatorId: null }, { kind: 'DONATE' }]) {
      expect(transactionHashV3(content(over))).not.toBe(base);
    }
    expect(transactionHashV3(content({ postings: content().postings.map((p) => ({ ...p, accountIdentity: 'z' })) }))).not.toBe(base);
  });

  it('writes free text with its byte length, so that a separator inside a memo cannot shift fields', () => {
    // Without lengths, memo "a|-" + reason null and memo "a" + source type "-"… would share a prefix.
    expect(transactionHashV3(content({ memo: 'a|-', sourceType: null }))).not.toBe(transactionHashV3(content({ memo: 'a', sourceType: '-' })));
    expect(transactionHashV3(content({ memo: null }))).not.toBe(transactionHashV3(content({ memo: '-' })));
  });

  it('links a posting to the previous one', () => {
    const p = { prevHash: 'p', accountId: 'a', accountIdentity: 'i', transactionHash: 't', amount: 5, balanceAfter: 10, donateOnlyDelta: 0 };
    expect(postingHashV3(p)).toBe(sha('p\nwushe-posting-v3|a|i|t|5|10|0'));
    expect(postingHashV3({ ...p, prevHash: 'q' })).not.toBe(postingHashV3(p));
  });

  it('builds a Merkle root, pairing an odd node with itself', () => {
    const [a, b, c] = [transactionLeaf('1', 'h1'), transactionLeaf('2', 'h2'), accountLeaf('acc', 7, 'h3')];
    expect(merkleRoot([])).toBe(sha(''));
    expect(merkleRoot([a])).toBe(a);
    expect(merkleRoot([a, b])).toBe(sha(a + b));
    expect(merkleRoot([a, b, c])).toBe(sha(sha(a + b) + sha(c + c)));
    expect(merkleRoot([b, a])).not.toBe(merkleRoot([a, b]));
  });
});

describe('MerkleBuilder', () => {
  /** The level-by-level definition, written out again as the reference. */
  const byLevels = (leaves: string[]): string => {
    if (leaves.length === 0) return createHash('sha256').update('').digest('hex');
    let level = leaves;
    while (level.length > 1) {
      const next: string[] = [];
      for (let i = 0; i < level.length; i += 2)
        next.push(
          createHash('sha256')
            .update(level[i] + (level[i + 1] ?? level[i]))
            .digest('hex'),
        );
      level = next;
    }
    return level[0];
  };

  it('streams to the same root as the level-by-level tree for every size from 0 to 300', () => {
    const leaves = Array.from({ length: 300 }, (_, i) => createHash('sha256').update(`leaf ${i}`).digest('hex'));
    for (let n = 0; n <= 300; n++) {
      const tree = new MerkleBuilder();
      for (const leaf of leaves.slice(0, n)) tree.add(leaf);
      expect([n, tree.root()]).toEqual([n, byLevels(leaves.slice(0, n))]);
    }
  });
});
