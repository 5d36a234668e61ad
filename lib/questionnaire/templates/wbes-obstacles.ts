// World Bank Enterprise Surveys: the business-environment obstacle ratings of the standard
// questionnaire (0 no obstacle .. 4 very severe obstacle) and "biggest obstacle", preceded by a
// short firm profile so the template can be fielded on its own.
import { DEFINITION_FORMAT, type QuestionnaireDefinitionInput } from "../definition-schema";
import { breakdownQuestion, factor, factorItems, option, text } from "./template-parts";

// WBES rates only the environment around the firm, so no factor is micro. Levels: rules and
// institutions set nationally are macro; what local government, infrastructure and the local
// market shape is middle.
const WBES_OBSTACLE_FACTORS = [
  factor("middle", "access_to_finance", "融资渠道", "Access to finance"),
  factor("middle", "access_to_land", "土地获取", "Access to land"),
  factor("middle", "business_licensing", "营业执照和许可证办理", "Business licensing and permits"),
  factor("macro", "corruption", "腐败", "Corruption"),
  factor("macro", "courts", "法院", "Courts"),
  factor("middle", "crime_theft_disorder", "犯罪、盗窃和社会治安", "Crime, theft and disorder"),
  factor("macro", "customs_trade_regulations", "海关和贸易法规", "Customs and trade regulations"),
  factor("middle", "electricity", "电力供应", "Electricity"),
  factor("middle", "inadequately_educated_workforce", "劳动力受教育程度不足", "Inadequately educated workforce"),
  factor("macro", "labor_regulations", "劳动法规", "Labor regulations"),
  factor("macro", "political_instability", "政局不稳定", "Political instability"),
  factor("middle", "informal_competitors", "非正规部门竞争者的做法", "Practices of competitors in the informal sector"),
  factor("middle", "tax_administration", "税收征管", "Tax administration"),
  factor("macro", "tax_rates", "税率", "Tax rates"),
  factor("middle", "transport", "交通运输", "Transport of goods, supplies and inputs"),
];

/** "Major" or "very severe", as the World Bank's own "% of firms identifying ... as a major constraint". */
const MAJOR_OBSTACLE = 3;

export const wbesObstaclesTemplate: QuestionnaireDefinitionInput = {
  format: DEFINITION_FORMAT,
  code: "wbes_obstacles",
  title: text("营商环境障碍调查（世界银行企业调查）", "Business environment obstacles (World Bank Enterprise Surveys)"),
  description: text(
    "采用世界银行企业调查（WBES）标准问卷中的营商环境障碍评分题。",
    "Uses the business-environment obstacle ratings of the World Bank Enterprise Surveys (WBES) standard questionnaire.",
  ),
  locales: ["zh", "en"],
  defaultLocale: "en",
  factors: WBES_OBSTACLE_FACTORS,
  sections: [
    {
      code: "firm_profile",
      title: text("企业基本情况", "About this establishment"),
      questions: [
        breakdownQuestion({
          code: "industry",
          breakdown: "industry",
          label: text("本企业的主要业务属于哪个行业？", "What is this establishment's main activity?"),
          options: [
            option("manufacturing", "制造业", "Manufacturing"),
            option("retail", "零售业", "Retail"),
            option("wholesale", "批发业", "Wholesale"),
            option("construction", "建筑业", "Construction"),
            option("hotels_restaurants", "住宿和餐饮业", "Hotels and restaurants"),
            option("transport_it", "运输、仓储和信息技术服务", "Transport, storage and IT services"),
            option("other_services", "其他服务业", "Other services"),
          ],
        }),
        // The survey's own size strata rather than an employee count: the platform derives MIIT
        // 2011 classes from counts, which do not match the WBES strata.
        breakdownQuestion({
          code: "size_band",
          breakdown: "size_class",
          label: text(
            "本企业的长期全职员工人数",
            "How many permanent, full-time employees does this establishment have?",
          ),
          options: [
            option("employees_1_4", "1–4人（微型）", "1–4 (micro)"),
            option("employees_5_19", "5–19人（小型）", "5–19 (small)"),
            option("employees_20_99", "20–99人（中型）", "20–99 (medium)"),
            option("employees_100_plus", "100人及以上（大型）", "100 or more (large)"),
          ],
        }),
      ],
    },
    {
      // Rows span two levels, so the section feeds no single level; each row's factor does.
      code: "obstacles",
      title: text("营商环境障碍", "Obstacles in the business environment"),
      questions: [
        {
          code: "obstacle_ratings",
          type: "matrix",
          label: text(
            "以下各项对本企业当前经营的障碍程度如何？",
            "How much of an obstacle is each of the following to the current operations of this establishment?",
          ),
          required: true,
          rows: factorItems(WBES_OBSTACLE_FACTORS),
          // WBES codes "don't know" and "does not apply" apart from the 0-4 rating; here they are
          // the points after it, and a firm giving either leaves that obstacle's base.
          scale: {
            min: 0,
            max: 6,
            points: [
              { value: 0, label: text("没有障碍", "No obstacle") },
              { value: 1, label: text("轻微障碍", "Minor obstacle") },
              { value: 2, label: text("中等障碍", "Moderate obstacle") },
              { value: 3, label: text("较大障碍", "Major obstacle") },
              { value: 4, label: text("非常严重的障碍", "Very severe obstacle") },
              { value: 5, label: text("不知道", "Don't know"), nonSubstantive: true },
              { value: 6, label: text("不适用", "Does not apply"), nonSubstantive: true },
            ],
          },
          attentionThreshold: MAJOR_OBSTACLE,
        },
        {
          // The World Bank reports "biggest obstacle" as an indicator of its own, apart from the
          // ratings: here it is a breakdown (dashboards filter and compare by it), not a second
          // carrier of the factors, so each obstacle's share keeps the rating's base.
          code: "biggest_obstacle",
          type: "single",
          breakdown: "custom",
          label: text(
            "上述各项中，哪一项是本企业目前面临的最大障碍？",
            "Which of these elements, if any, is currently the biggest obstacle faced by this establishment?",
          ),
          required: true,
          options: [
            ...WBES_OBSTACLE_FACTORS.map((f) => ({ code: f.code, label: f.label })),
            option("no_obstacle", "以上均不构成障碍", "None of them is an obstacle"),
          ],
        },
      ],
    },
  ],
};
