/** Selective testing: which packages to test, which graph node a failing test is, and failures as diagnostics. */
export { cratesOwningFiles, impactedPackages, type PackageDir } from './impacted.js';
export { testFailureDiagnostics, type FailedTestLike, type FailureLookup } from './failures.js';
export { testKeyCandidates, testNodeKey, type TestKeyLookup, type TestPackage, type TestRef, type TestTarget } from './test-keys.js';
