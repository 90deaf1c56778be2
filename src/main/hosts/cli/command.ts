import type { MethodName, Params, ResultOf } from '../../../shared/contract';
import { translator, type Locale, type TFunction } from '../../../shared/i18n';
import { GlossError } from '../../../shared/result';
import type { Services } from '../../services';

/** What a CLI command receives. */
export interface CommandContext {
  services: Services;
  /** Folder of the built renderer, for `serve`. */
  rendererDir: string;
  json: boolean;
  /** Arguments after the command name. */
  args: string[];
  /** Parsed options (global and command-specific). */
  options: Record<string, string | boolean | string[] | undefined>;
  /** The language of messages for people (LC_ALL, LC_MESSAGES, LANG); English when absent. */
  locale?: Locale;
}

/** The translate function for the context's language (`--json` output never uses it). */
export function wordsOf(ctx: Pick<CommandContext, 'locale'>): TFunction {
  return translator(ctx.locale ?? 'en');
}

/** One `gloss` command. */
export interface Command {
  /** How to call it, for `gloss --help`, e.g. "import FILE...": its description is the catalog's `cliHelp.<name>`. */
  usage: string;
  /** Options this command accepts beyond the global ones, in node:util parseArgs form. */
  options?: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
  /** Runs the command; resolves to 'keep-running' for a server. Throws GlossError on failure. */
  run(ctx: CommandContext): Promise<'keep-running' | void>;
}

/** Calls one API method through the shared dispatcher and unwraps the result. */
export async function call<M extends MethodName>(
  ctx: CommandContext,
  name: M,
  params: Params<M>,
): Promise<ResultOf<M>> {
  const result = await ctx.services.dispatch(name, params);
  if (!result.ok) throw new GlossError(result.error.code, result.error.message, result.error.params);
  return result.value as ResultOf<M>;
}

/** Prints `value` as JSON with --json, else the human text (a function when it costs to build). */
export function print(ctx: CommandContext, value: unknown, human: string | (() => string)): void {
  if (ctx.json) console.log(JSON.stringify(value, null, 2));
  else console.log(typeof human === 'string' ? human : human());
}
