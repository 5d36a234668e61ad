// Demo firm identifiers shaped like real unified social credit codes (GB 32100-2015), check
// digits included, so that demo data passes the same format checks real codes would.
import type { SeededRandom } from "./seeded-random";

const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** Weights of GB 32100-2015 (3^i mod 31). */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Weights of the embedded organization code's check digit (GB 11714-1997). */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function organizationCodeCheck(body: string): string {
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * ORG_CODE_WEIGHTS[i], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

export function usccCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, char, i) => acc + USCC_CHARSET.indexOf(char) * USCC_WEIGHTS[i], 0);
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * A code for a company ("9" registered by market regulation, "1" enterprise) in the given
 * six-digit administrative division, with a random organization code.
 */
export function randomUscc(random: SeededRandom, divisionCode: string): string {
  const orgBody = Array.from({ length: 8 }, () => random.int(0, 9)).join("");
  const first17 = `91${divisionCode}${orgBody}${organizationCodeCheck(orgBody)}`;
  return first17 + usccCheckCharacter(first17);
}
