/**
 * .helmignore as Helm reads it: one pattern per line, `#` comments, `!` negation, a trailing
 * `/` matches directories only, a pattern without `/` matches any path component's base name,
 * one with `/` matches from the chart root; `*`, `?` and `[...]` as in filepath.Match (no `**`).
 * The last matching pattern wins.
 */

interface Rule {
  negate: boolean;
  dirOnly: boolean;
  anchored: boolean;
  re: RegExp;
}

export function helmIgnoreMatcher(text: string): (file: string) => boolean {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    if (line.startsWith('/')) line = line.slice(1);
    if (!line) continue;
    rules.push({ negate, dirOnly, anchored: line.includes('/'), re: globToRegExp(line) });
  }
  return (file) => {
    const parts = file.split('/');
    let ignored = false;
    for (const rule of rules) {
      if (matches(rule, parts)) ignored = !rule.negate;
    }
    return ignored;
  };
}

/** A file is matched when the rule matches it or one of its parent directories. */
function matches(rule: Rule, parts: string[]): boolean {
  for (let i = 1; i <= parts.length; i++) {
    const isDir = i < parts.length;
    if (rule.dirOnly && !isDir) continue;
    const candidate = rule.anchored ? parts.slice(0, i).join('/') : parts[i - 1]!;
    if (rule.re.test(candidate)) return true;
  }
  return false;
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
