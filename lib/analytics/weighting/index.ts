// Survey weighting (DESIGN.md §4, "Weights"): post-stratification, raking, trimming and the
// variance of a weighted share, each matched to R's survey package in
// tests/unit/weighting.test.ts (reference script: tests/fixtures/weighting/reference.R).
// Kish's effective size, the weighted Wilson interval and the tests live in ../statistics.ts.
export {
  RakingConvergenceError,
  WeightingError,
  type CellKey,
  type CollapseWarning,
  type MarginError,
  type SampleUnit,
  type WeightCap,
  type WeightingErrorCode,
} from "./types";
export { postStratify, type PopulationTable, type PostStratification } from "./post-stratify";
export { rakeWeights, type Raking, type RakingMargin, type RakingOptions } from "./rake";
export { trimWeights, type Trimming } from "./trim";
export { weightedShare, type WeightedResponse, type WeightedShare } from "./share";
