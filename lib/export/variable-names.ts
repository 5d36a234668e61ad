// Variable names for statistics packages, derived from the export's column keys
// ("macro_constraints.national_policy" → "macro_constraints_national_policy"): SPSS allows 64
// bytes, Stata 32 characters, both want a letter first and only letters, digits and "_", and
// neither tells upper from lower case. A name cut to the limit, or one of SPSS's reserved words,
// gets a numbered suffix so every name of a file stays unique. Pure.

/** SPSS keywords that cannot name a variable (compared case-insensitively). */
const SPSS_RESERVED = new Set(["all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with"]);

export function uniqueVariableNames(keys: string[], maxLength: number): string[] {
  const taken = new Set<string>();
  return keys.map((key) => {
    let base = key.replace(/[^A-Za-z0-9_]/g, "_");
    if (!/^[A-Za-z]/.test(base)) base = `v_${base}`;
    if (SPSS_RESERVED.has(base.toLowerCase())) base = `${base}_`;
    let name = base.slice(0, maxLength);
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = `_${n}`;
      name = base.slice(0, maxLength - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/** The 8-byte short names an SPSS variable record carries next to its long name. */
export function shortVariableNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((long) => {
    let name = long.slice(0, 8).toUpperCase();
    for (let n = 1; taken.has(name); n++) {
      const suffix = String(n);
      name = long.slice(0, 8 - suffix.length).toUpperCase() + suffix;
    }
    taken.add(name);
    return name;
  });
}
