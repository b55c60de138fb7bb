import fc from 'fast-check';

/**
 * Property tests draw the same workbooks on every run, so that CI is reproducible and a red run can be replayed:
 * the seed is JUESUAN_FC_SEED when set (a number, or `random` for a fresh one, printed on failure), else a fixed one.
 * Tests that replay a recorded case pass their own seed and path.
 */
const chosen = process.env.JUESUAN_FC_SEED;
if (chosen !== 'random') fc.configureGlobal({ seed: chosen ? Number(chosen) : 20261202 });
