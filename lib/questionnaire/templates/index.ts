// The questionnaire templates the product ships (DESIGN.md §6), each with where its items come from.
import type { LocalizedText, QuestionnaireDefinitionInput } from "../definition-schema";
import { cisHamperingTemplate } from "./cis-hampering";
import { jilinSmallMicroTemplate } from "./jilin-small-micro";
import { wbesObstaclesTemplate } from "./wbes-obstacles";
import { text } from "./template-parts";

export interface QuestionnaireTemplate {
  code: string;
  definition: QuestionnaireDefinitionInput;
  source: LocalizedText;
}

export const TEMPLATES: readonly QuestionnaireTemplate[] = [
  {
    code: jilinSmallMicroTemplate.code,
    definition: jilinSmallMicroTemplate,
    source: text(
      "吉林省小微企业协同创新制约因素问卷调查（2017年，发放250份，有效226份），宏观、中观、微观三层因素分析",
      "Survey of constraints on collaborative innovation of small and micro enterprises in Jilin Province (2017; 250 delivered, 226 valid), analysed at macro, middle and micro level",
    ),
  },
  {
    code: cisHamperingTemplate.code,
    definition: cisHamperingTemplate,
    source: text(
      "欧盟统计局共同体创新调查（CIS 2018/2020 统一问卷）“阻碍创新活动的因素”题组",
      "Eurostat Community Innovation Survey (CIS 2018/2020 harmonised questionnaire), block on factors hampering innovation activities",
    ),
  },
  {
    code: wbesObstaclesTemplate.code,
    definition: wbesObstaclesTemplate,
    source: text(
      "世界银行企业调查（WBES）标准问卷：营商环境障碍评分与最大障碍",
      "World Bank Enterprise Surveys (WBES) standard questionnaire: business-environment obstacle ratings and biggest obstacle",
    ),
  },
];

export function getTemplate(code: string): QuestionnaireTemplate | undefined {
  return TEMPLATES.find((t) => t.code === code);
}
