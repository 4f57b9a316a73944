/**
 * The runner reads the action's stdout line by line and takes any line that starts with `::`
 * (after spaces) as a workflow command (`::add-mask::`, `::stop-commands::`, `::error::`), and
 * `##[…]` as an older one. Claim paths, keys and values are tenant text; a newline in one would
 * start a line of the tenant's choosing. So every line of text the action prints goes through
 * here (src/action/report.ts is the only caller): the characters @actions/core escapes in
 * command data (`%`, CR, LF) are escaped the same way, which keeps the text on one line, and a
 * leading `::` or any `##[` is percent-encoded, which leaves the line inert. Commands themselves
 * (annotations, groups) are issued by @actions/core, which escapes their data and properties.
 */

/** @actions/core's escaping of command data: `%` first, so an escape in the text stays literal. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A log line no runner reads as a command, whatever the text holds. */
export function inertLine(text: string): string {
  return escapeData(text)
    .replace(/^(\s*)::/, '$1%3A%3A')
    .replace(/##\[/g, '##%5B');
}
