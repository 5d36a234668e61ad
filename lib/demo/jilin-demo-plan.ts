// The target figures of the Jilin demo data (DESIGN.md §6). Counts are exact numbers of firms
// among the valid responses, chosen so shares round to the paper's figures (seed 004).

export const DELIVERED = 250;
export const VALID = 226;

export type ScreeningRule = "too_fast" | "duplicate_firm" | "consistency";
export const SCREENED_COUNTS: Record<ScreeningRule, number> = { too_fast: 10, duplicate_firm: 8, consistency: 6 };

/** Responses finished faster than this are screened out as too fast. */
export const MIN_DURATION_SECONDS = 120;
export const VALID_DURATION_SECONDS = { min: 180, max: 1500 };

export type ConstraintQuestion = "macro_constraints" | "middle_constraints" | "micro_constraints";

export interface LevelPlan {
  question: ConstraintQuestion;
  /** Firms selecting each factor option, in the question's option order. */
  counts: Record<string, number>;
  /** Firms with no concern at this level, who select "none of these" (and stay in the base). */
  none: number;
}

export const LEVEL_PLANS: LevelPlan[] = [
  {
    question: "macro_constraints",
    counts: {
      national_policy: 156, // 69.0% (paper: 69%)
      fiscal_tax_support: 120, // 53.1% (53%)
      ip_protection: 61, // 27.0% (27%)
      market_access: 48,
      venture_capital: 35,
    },
    none: 20,
  },
  {
    question: "middle_constraints",
    counts: {
      entrepreneur_training: 142, // 62.8% (63%)
      industry_academia_links: 120, // 53.1% (53%)
      financing_channels: 118, // 52.2% (52%)
      information_sharing: 108, // 47.8% (48%)
      intermediary_services: 74,
      technology_sources: 63,
      talent_shortage: 92,
    },
    none: 14,
  },
  {
    question: "micro_constraints",
    counts: {
      innovation_culture: 198, // 87.6% (paper: more than 85% for these four)
      marketing_mix: 196, // 86.7%
      knowledge_worker_mgmt: 195, // 86.3%
      internal_control: 193, // 85.4%
      rnd_funding_shortage: 164,
      innovation_risk: 131,
      incentive_mechanism: 117,
    },
    none: 4,
  },
];

/** Firms per region (Changchun about 45%, paper Fig. 2) and the region's administrative division code. */
export const REGION_PLAN = [
  { code: "changchun", firms: 102, divisionCode: "220100" },
  { code: "jilin", firms: 24, divisionCode: "220200" },
  { code: "siping", firms: 13, divisionCode: "220300" },
  { code: "tonghua", firms: 11, divisionCode: "220500" },
  { code: "baicheng", firms: 9, divisionCode: "220800" },
  { code: "jiutai", firms: 8, divisionCode: "220113" },
  { code: "liaoyuan", firms: 8, divisionCode: "220400" },
  { code: "baishan", firms: 7, divisionCode: "220600" },
  { code: "songyuan", firms: 7, divisionCode: "220700" },
  { code: "yanji", firms: 8, divisionCode: "222401" },
  { code: "dehui", firms: 6, divisionCode: "220183" },
  { code: "yushu", firms: 5, divisionCode: "220182" },
  { code: "gongzhuling", firms: 5, divisionCode: "220381" },
  { code: "meihekou", firms: 5, divisionCode: "220581" },
  { code: "huadian", firms: 4, divisionCode: "220282" },
  { code: "dunhua", firms: 4, divisionCode: "222403" },
];

/** Firms per industry: services, then manufacturing, then trade and catering (paper Fig. 3). */
export const INDUSTRY_FIRMS: Record<string, number> = {
  services: 52,
  manufacturing: 40,
  wholesale_retail: 26,
  catering: 18,
  software_it: 14,
  tourism: 12,
  construction: 8,
  transport_logistics: 7,
  agriculture: 6,
  agri_food_processing: 6,
  pharma_biotech: 6,
  auto_parts: 5,
  electronic_information: 5,
  new_materials: 4,
  education_training: 4,
  new_energy: 3,
  culture_media: 3,
  scientific_services: 3,
  real_estate: 2,
  other: 2,
};

/** Most Jilin small and micro firms are "in the infancy or the period of growing" (seed 004). */
export const LIFECYCLE_FIRMS: Record<string, number> = {
  seed: 12,
  start_up: 88,
  growth: 84,
  maturity: 30,
  decline: 8,
  metamorphosis: 4,
};
