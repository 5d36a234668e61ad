// McNemar's test for two factors answered by the same firms (DESIGN.md §4): only the discordant
// pairs matter, b = firms flagging the first factor only, c = the second only. Browser-safe.
import { chiSquare1P } from "./normal-p-value";

export type McNemarResult = { statistic: number; p: number };

/** Chi-square statistic with Edwards' continuity correction by default: (|b − c| − 1)² / (b + c). */
export function mcnemarTest(b: number, c: number, { continuityCorrection = true } = {}): McNemarResult {
  const discordant = b + c;
  if (discordant === 0) return { statistic: 0, p: 1 };
  const difference = Math.max(0, Math.abs(b - c) - (continuityCorrection ? 1 : 0));
  const statistic = (difference * difference) / discordant;
  return { statistic, p: chiSquare1P(statistic) };
}
