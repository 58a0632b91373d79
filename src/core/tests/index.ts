/** Selective testing: which packages to test, and which graph node a failing test is. */
export { impactedPackages } from './impacted.js';
export { testKeyCandidates, testNodeKey, type TestKeyLookup, type TestPackage, type TestRef, type TestTarget } from './test-keys.js';
