/** One clock for every screen: the offset to the server's clock, and ticks on its seconds. */
export * from './offset-estimator.ts';
export * from './tick-schedule.ts';
