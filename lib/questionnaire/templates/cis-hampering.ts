// The EU Community Innovation Survey block "factors hampering innovation activities" (item list
// of the CIS 2018 and CIS 2020 harmonised questionnaires; national versions word items slightly
// differently), preceded by a short firm profile so the template can be fielded on its own.
import { DEFINITION_FORMAT, type QuestionnaireDefinitionInput } from "../definition-schema";
import { breakdownQuestion, factor, factorItems, option, text } from "./template-parts";

// Levels: finance, cost and skills inside the firm are enterprise (micro) matters; external
// finance, partners and knowledge depend on the regional innovation system (middle); demand,
// competition, public funding and regulation are set nationally (macro).
const CIS_HAMPERING_FACTORS = [
  factor("micro", "lack_internal_finance", "企业内部创新资金不足", "Lack of internal finance for innovation"),
  factor(
    "middle",
    "lack_external_finance",
    "缺乏信贷或私募股权融资（含风险投资）",
    "Lack of credit or private equity (including venture capital)",
  ),
  factor(
    "macro",
    "public_funding_difficulty",
    "难以获得政府资助或补贴",
    "Difficulties in obtaining public grants or subsidies",
  ),
  factor("micro", "costs_too_high", "创新成本过高", "Costs too high"),
  factor("micro", "lack_skilled_employees", "企业内部缺乏技能人才", "Lack of skilled employees within your enterprise"),
  factor("middle", "lack_collaboration_partners", "缺乏合作伙伴", "Lack of collaboration partners"),
  factor(
    "middle",
    "lack_external_knowledge",
    "难以获取外部知识（如技术、研发成果）",
    "Lack of access to external knowledge (e.g. technology, R&D)",
  ),
  factor(
    "macro",
    "uncertain_demand",
    "市场对创新构想的需求不确定",
    "Uncertain market demand for your ideas for innovations",
  ),
  factor("macro", "too_much_competition", "所在市场竞争过于激烈", "Too much competition in your market"),
  factor("micro", "different_priorities", "企业内部另有优先事项", "Different priorities within your enterprise"),
  factor("macro", "legislation_regulation", "法律法规的限制", "Legislation or regulations"),
  factor("micro", "no_need_previous_innovations", "此前已有创新，无需再创新", "No need due to previous innovations"),
  factor(
    "macro",
    "no_need_lack_of_demand",
    "市场对创新没有需求，无需创新",
    "No need due to lack of demand for innovations",
  ),
];

/**
 * Only "High" (3) counts as concern: Eurostat's hampering-factor indicators report the share of
 * enterprises rating a factor of high importance, and counting "Medium" too would flag most
 * items for most firms. Points are listed in the questionnaire's display order, High first.
 */
const HIGH = 3;

export const cisHamperingTemplate: QuestionnaireDefinitionInput = {
  format: DEFINITION_FORMAT,
  code: "cis_hampering",
  title: text(
    "创新阻碍因素调查（欧盟共同体创新调查）",
    "Factors hampering innovation (EU Community Innovation Survey)",
  ),
  description: text(
    "采用欧盟共同体创新调查（CIS）“阻碍创新活动的因素”题组。",
    "Uses the EU Community Innovation Survey (CIS) block on factors hampering innovation activities.",
  ),
  locales: ["zh", "en"],
  defaultLocale: "en",
  factors: CIS_HAMPERING_FACTORS,
  sections: [
    {
      code: "firm_profile",
      title: text("企业基本情况", "About your enterprise"),
      questions: [
        breakdownQuestion({
          code: "industry",
          breakdown: "industry",
          label: text("贵企业的主要经济活动", "What is your enterprise's main economic activity?"),
          options: [
            option(
              "mining_manufacturing_utilities",
              "采矿业、制造业和公用事业（NACE B–E）",
              "Mining, manufacturing and utilities (NACE B–E)",
            ),
            option("construction", "建筑业（NACE F）", "Construction (NACE F)"),
            option("wholesale_trade", "批发业（NACE 46）", "Wholesale trade (NACE 46)"),
            option("transport_storage", "运输和仓储业（NACE H）", "Transport and storage (NACE H)"),
            option("information_communication", "信息和通信业（NACE J）", "Information and communication (NACE J)"),
            option("financial_insurance", "金融和保险业（NACE K）", "Financial and insurance activities (NACE K)"),
            option(
              "professional_scientific",
              "专业、科学和技术活动（NACE M）",
              "Professional, scientific and technical activities (NACE M)",
            ),
            option("other_activity", "其他经济活动", "Other activity"),
          ],
        }),
        // Eurostat size classes rather than an employee count: the platform derives MIIT 2011
        // classes from counts, which would mislabel EU enterprises of 101-249 employees.
        breakdownQuestion({
          code: "size_band",
          breakdown: "size_class",
          label: text("贵企业的从业人员数", "How many people does your enterprise employ?"),
          options: [
            option("employees_1_9", "1–9人", "1–9"),
            option("employees_10_49", "10–49人", "10–49"),
            option("employees_50_249", "50–249人", "50–249"),
            option("employees_250_plus", "250人及以上", "250 or more"),
          ],
        }),
      ],
    },
    {
      // Rows span all three levels, so the section feeds no single level; each row's factor does.
      code: "hampering",
      title: text("阻碍创新活动的因素", "Factors hampering innovation activities"),
      questions: [
        {
          code: "hampering_factors",
          type: "matrix",
          label: text(
            "过去三年中，以下因素在多大程度上阻碍了贵企业开展创新活动，或影响了不开展创新的决定？",
            "During the past three years, how important were the following factors in hampering your enterprise's innovation activities or its decision not to innovate?",
          ),
          required: true,
          rows: factorItems(CIS_HAMPERING_FACTORS),
          scale: {
            min: 0,
            max: 3,
            points: [
              { value: 3, label: text("高", "High") },
              { value: 2, label: text("中", "Medium") },
              { value: 1, label: text("低", "Low") },
              { value: 0, label: text("未遇到该因素", "Factor not experienced") },
            ],
          },
          attentionThreshold: HIGH,
        },
      ],
    },
  ],
};
