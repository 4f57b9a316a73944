/** Markdown pieces the PR comment and the job summary are made of. Pure. */

/** A fence longer than any backtick run in the text: nothing inside renders or pings anyone. */
export function fence(text: string, info = 'diff'): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}${info}\n${text.endsWith('\n') ? text : `${text}\n`}${ticks}`;
}

export function details(title: string, body: string): string {
  return `<details><summary>${title}</summary>\n\n${body}\n\n</details>\n`;
}

/** Text for HTML (a <summary>): names are DNS labels and paths, but nothing may open a tag. */
export function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** 1,000: the same digits on every machine, whatever its locale. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `Deployment` → `Deployments`, `Ingress` → `Ingresses`, `NetworkPolicy` → `NetworkPolicies`. */
export function plural(noun: string, n: number): string {
  if (n === 1) return noun;
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}
