// The Jilin small and micro enterprises questionnaire (seed 004; DESIGN.md §6): a firm profile,
// then one "which of these concern your firm" question per constraint level, whose options are
// the level's factors plus "none of these" (stays in the base) and "don't know" (leaves it).
import {
  DEFINITION_FORMAT,
  type FactorDefinition,
  type FactorLevel,
  type LocalizedText,
  type QuestionnaireDefinitionInput,
} from "../definition-schema";
import { JILIN_MACRO_FACTORS, JILIN_MICRO_FACTORS, JILIN_MIDDLE_FACTORS } from "./jilin-small-micro-factors";
import { JILIN_INDUSTRY_OPTIONS, JILIN_REGION_OPTIONS, LIFECYCLE_STAGE_OPTIONS } from "./jilin-small-micro-profile";
import { DONT_KNOW_OPTION, NONE_OPTION, SELECT_ALL_HELP, breakdownQuestion, factorItems, text } from "./template-parts";

/** One section per level: "which of these concern your firm", its factors plus "none" and "don't know". */
const levelSection = ({
  level,
  title,
  factors,
  label,
}: {
  level: FactorLevel;
  title: LocalizedText;
  factors: FactorDefinition[];
  label: LocalizedText;
}) => ({
  code: `${level}_level`,
  title,
  level,
  questions: [
    {
      code: `${level}_constraints`,
      type: "multi" as const,
      label,
      help: SELECT_ALL_HELP,
      required: true,
      options: [...factorItems(factors), NONE_OPTION, DONT_KNOW_OPTION],
    },
  ],
});

export const jilinSmallMicroTemplate: QuestionnaireDefinitionInput = {
  format: DEFINITION_FORMAT,
  code: "jilin_small_micro",
  title: text(
    "吉林省小微企业协同创新制约因素调查问卷",
    "Survey of constraints on collaborative innovation in small and micro enterprises, Jilin Province",
  ),
  description: text(
    "本问卷了解制约小微企业协同创新的宏观（国家）、中观（地区）和微观（企业）因素。答案仅用于统计分析，约需10分钟。",
    "This questionnaire asks which national (macro), regional (middle) and enterprise (micro) factors hold back your firm's innovation. Answers are used only for statistics; it takes about 10 minutes.",
  ),
  locales: ["zh", "en"],
  defaultLocale: "zh",
  factors: [...JILIN_MACRO_FACTORS, ...JILIN_MIDDLE_FACTORS, ...JILIN_MICRO_FACTORS],
  sections: [
    {
      code: "firm_profile",
      title: text("企业基本情况", "About your firm"),
      questions: [
        breakdownQuestion({
          code: "region",
          breakdown: "region",
          label: text("贵企业所在地区", "Where is your firm located?"),
          options: JILIN_REGION_OPTIONS,
        }),
        breakdownQuestion({
          code: "industry",
          breakdown: "industry",
          label: text("贵企业所属行业", "Which industry is your firm in?"),
          options: JILIN_INDUSTRY_OPTIONS,
        }),
        {
          code: "employees",
          type: "number",
          label: text("贵企业现有从业人员数", "How many people does your firm employ?"),
          help: text(
            "按工信部联企业〔2011〕300号标准划分企业规模",
            "Used to classify the firm by the MIIT 2011 size standard",
          ),
          required: true,
          integer: true,
          min: 1,
          unit: text("人", "people"),
          derivesSizeClass: true,
        },
        breakdownQuestion({
          code: "lifecycle_stage",
          breakdown: "lifecycle_stage",
          label: text("贵企业目前处于哪个发展阶段？", "Which life-cycle stage is your firm in?"),
          options: LIFECYCLE_STAGE_OPTIONS,
        }),
        {
          code: "firm_id",
          type: "text",
          label: text("统一社会信用代码", "Unified social credit code"),
          help: text("仅用于识别重复填写，不会公开", "Used only to detect duplicate answers; never published"),
          maxLength: 64,
        },
      ],
    },
    levelSection({
      level: "macro",
      title: text("宏观（国家）层面", "National (macro) level"),
      factors: JILIN_MACRO_FACTORS,
      label: text(
        "以下哪些国家层面的因素是贵企业关注的制约因素？",
        "Which of these national-level factors concern your firm?",
      ),
    }),
    levelSection({
      level: "middle",
      title: text("中观（地区）层面", "Regional (middle) level"),
      factors: JILIN_MIDDLE_FACTORS,
      label: text(
        "以下哪些省、市层面的因素是贵企业关注的制约因素？",
        "Which of these provincial and city-level factors concern your firm?",
      ),
    }),
    levelSection({
      level: "micro",
      title: text("微观（企业）层面", "Enterprise (micro) level"),
      factors: JILIN_MICRO_FACTORS,
      label: text(
        "贵企业在以下哪些方面尚不完善，制约了企业创新？",
        "In which of these areas does your firm still fall short, holding back innovation?",
      ),
    }),
  ],
};
