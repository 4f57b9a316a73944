/** A team registry and helpers shared by the tenancy tests. */
import { SETTINGS } from './repo.js';

/** SETTINGS plus a registry of two teams: shop (with grants) and billing (a namespace of its own in dev). */
export const REGISTRY = `${SETTINGS}  tenancy:
    platformOwners: ["@acme/platform"]
    reservedNamespaces: [monitoring]
    teams:
      shop:
        ownerTeam: Shop Team
        owners: ["@acme/shop"]
        hosts: ["*.shop.example.com", shop.example.com]
        grants:
          namespaces: [shop-shared]
          ingressGroups: [shop-public]
      billing:
        ownerTeam: Billing Team
        owners: ["@acme/billing", "@alice"]
        namespaces:
          dev: billing-sandbox
`;

/** 1-based line and column where `needle` starts in `text` (its first occurrence). */
export function positionOf(text: string, needle: string): { line: number; col: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`test input has no ${JSON.stringify(needle)}`);
  const lines = text.slice(0, at).split('\n');
  return { line: lines.length, col: lines[lines.length - 1]!.length + 1 };
}

/** Where the value of `key: value` on the line holding `needle` starts. */
export function valueAt(text: string, needle: string): { line: number; col: number } {
  const p = positionOf(text, needle);
  const line = text.split('\n')[p.line - 1]!;
  const colon = line.indexOf(': ', p.col - 1);
  return { line: p.line, col: colon + 3 };
}
