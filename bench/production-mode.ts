import { vi } from 'vitest';

// The services as a user's build runs them: development and test builds also check every result against
// the contract (see src/main/dispatch.ts), which a bench would otherwise count as the app's time.
vi.stubEnv('DEV', false);
vi.stubEnv('PROD', true);
