/** PreFlight's pure core: change classification, blast radius, the report model. */
export * from './types.js';
export * from './classify.js';
export * from './blast.js';
export * from './report.js';
export * from './affected.js';
