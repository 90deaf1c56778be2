import { z } from 'zod';

/** Which host serves the API: Electron IPC, the loopback web host, or the CLI. */
export const hostKindSchema = z.enum(['electron', 'web', 'cli']);
/** A value `hostKindSchema` accepts. */
export type HostKind = z.output<typeof hostKindSchema>;

/**
 * Facts about the running app, shown in the UI and by `gloss --version`; `libraryPath` is absolute.
 * `locale` is the system's language as the host knows it (Electron's `app.getLocale()`), a BCP 47 tag.
 */
export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: hostKindSchema,
  libraryPath: z.string(),
  locale: z.string().max(64).optional(),
});
/** A value `appInfoSchema` accepts. */
export type AppInfo = z.output<typeof appInfoSchema>;
