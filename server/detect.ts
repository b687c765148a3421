// Report detection is the engine's (engine/detect.ts), shared by every host; re-exported here for
// the server's modules.
export { looksLikeReport, readsAsReport } from '../engine/detect.ts';
