/** `infraforge render` and `infraforge validate`: the pipeline, with the no-op cache in front of render. */
import { ExitCode, InputError } from '../errors.js';
import { openRenderCache } from '../io/render-cache.js';
import type { Command } from './command.js';
import { RENDER_HELP, VALIDATE_HELP } from './help.js';
import { overridesFrom, parseFlags, registryChecksFrom, rootDir } from './options.js';


async function renderNow(options: import('../pipeline.js').RenderOptions) {
  const result = await (await import('../pipeline.js')).renderRepository(options);
  return { ...result, pinned: result.rendered.settings.image.pinDigests === true, fromIndex: result.rendered.kept.size };
}

export const render: Command = {
  help: RENDER_HELP,
  async run(args, io) {
    const values = parseFlags(RENDER_HELP, args, io.stdout);
    if (!values) return ExitCode.ok;
    const root = rootDir(io.cwd, values.root);
    const check = values.check === true;
    const envs = [...((values.env as string[] | undefined) ?? [])].sort();
    const overrides = overridesFrom(values);
    const { allowDeletions: _allow, ...renderingOverrides } = overrides;
    const checks = registryChecksFrom(values);
    // --check answers from the files themselves, always: a check that trusts a cache checks nothing.
    // A registry check asks about the registry's state now, which no snapshot of files can vouch for.
    const cache =
      check || values['no-cache'] === true || checks.verifyImages || checks.verifyChart
        ? undefined
        : openRenderCache(root, { envs, overrides: renderingOverrides, owner: io.env.GITHUB_REPOSITORY_OWNER, repository: io.env.GITHUB_REPOSITORY, server: io.env.GITHUB_SERVER_URL });
    const hit = cache?.lookup();
    // The pipeline (parsers, validators) loads only when there is work: a cache hit stays light.
    const result =
      hit !== undefined
        ? { written: [], deleted: [], unchanged: hit, unmanaged: [], pinned: false, indexWritten: false, fromIndex: 0 }
        : await renderNow({
            root,
            envs,
            check,
            overrides,
            allowUnmanaged: values['allow-unmanaged'] === true,
            env: io.env,
            ...checks,
            // The committed index is a way to do less (every claim is still parsed and checked), never to answer a check.
            useIndex: !check && values['no-cache'] !== true,
            log: (l) => io.stderr(`${l}\n`),
          });
    // With pinDigests the output depends on where tags point today: never answer it from the cache.
    // Nor after leaving unmanaged files alone: a later run without --allow-unmanaged must refuse them.
    if (cache && hit === undefined && !result.pinned && result.unmanaged.length === 0) cache.save(result.unchanged + result.written.length, result.written.length);
    const changed = result.written.length + result.deleted.length > 0;
    for (const f of result.unmanaged) io.stderr(`${f}: left alone (--allow-unmanaged): no claim produces it and infraforge did not write it\n`);
    if (values.json) {
      io.stdout(`${JSON.stringify({ written: result.written, deleted: result.deleted, unchanged: result.unchanged, unmanaged: result.unmanaged, check, upToDate: !changed, cached: hit !== undefined, indexWritten: result.indexWritten, fromIndex: result.fromIndex })}\n`);
    } else if (check) {
      for (const f of result.written) io.stdout(`out of date: ${f}\n`);
      for (const f of result.deleted) io.stdout(`would delete: ${f}\n`);
      io.stdout(changed ? `${result.written.length} to write, ${result.deleted.length} to delete, ${result.unchanged} up to date; nothing was written\n` : `rendered/ is up to date (${result.unchanged} files)\n`);
    } else {
      for (const f of result.written) io.stdout(`wrote   ${f}\n`);
      for (const f of result.deleted) io.stdout(`deleted ${f}\n`);
      io.stdout(`${result.written.length} written, ${result.deleted.length} deleted, ${result.unchanged} unchanged${hit !== undefined ? ' (nothing changed since the last render)' : ''}\n`);
    }
    if (check && changed) {
      io.stderr('rendered/ is out of date: run `infraforge render` and commit the result\n');
      return ExitCode.outOfDate;
    }
    return ExitCode.ok;
  },
};

/** With a team registry, whether .github/CODEOWNERS is what `infraforge codeowners` writes. */
async function codeownersCheck(root: string, rendered: import('../pipeline.js').Rendered) {
  const { codeownersState, expectedCodeowners } = await import('../io/codeowners-file.js');
  const expected = expectedCodeowners(rendered);
  return expected === undefined ? undefined : codeownersState(root, expected);
}

export const validate: Command = {
  help: VALIDATE_HELP,
  async run(args, io) {
    const values = parseFlags(VALIDATE_HELP, args, io.stdout);
    if (!values) return ExitCode.ok;
    const root = rootDir(io.cwd, values.root);
    try {
      const { buildPlan } = await import('../pipeline.js');
      const rendered = await buildPlan({ root, overrides: overridesFrom(values), env: io.env, ...registryChecksFrom(values), log: (l) => io.stderr(`${l}\n`) });
      const codeowners = await codeownersCheck(root, rendered);
      if (values.json) io.stdout(`${JSON.stringify({ valid: true, problems: [], claims: rendered.claims.length, ignored: rendered.ignored, ...(codeowners ? { codeowners } : {}) })}\n`);
      else {
        for (const file of rendered.ignored) io.stdout(`ignored ${file} (not a claim: only *.yaml and *.yml files with lowercase names are read)\n`);
        io.stdout(`${rendered.claims.length} claims valid\n`);
      }
      if (codeowners && codeowners !== 'up to date') {
        io.stderr(`.github/CODEOWNERS is ${codeowners}: run \`infraforge codeowners\` and commit it\n`);
        return ExitCode.outOfDate;
      }
      return ExitCode.ok;
    } catch (error) {
      if (values.json && error instanceof InputError) io.stdout(`${JSON.stringify({ valid: false, problems: error.problems })}\n`);
      throw error;
    }
  },
};
