/**
 * The labels of the app's own internal tokens (electron/auth/tokens.ts `internal(label)`). A leaf module, so the
 * log's mapping of a row to its sender (electron/api/log-source.ts) can name them without importing the Replay and
 * simulator machinery that issues them.
 */

/** The internal token Live's Replay authenticates with. */
export const REPLAY_TOKEN_LABEL = 'Replay (in-app)';
/** The internal token Connect's "Run a simulated cycle" authenticates with. */
export const SIMULATOR_TOKEN_LABEL = 'Simulator (in-app)';
