import fc from 'fast-check';

// CI pins the seed (FC_SEED in .ci/run) so that a landing is decided by the code, not by the
// draw; a local run explores new inputs every time. A failure prints the seed to replay it.
if (process.env.FC_SEED) fc.configureGlobal({ seed: Number(process.env.FC_SEED) });
