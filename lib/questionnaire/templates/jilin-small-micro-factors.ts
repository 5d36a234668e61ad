// The constraint factors of the Jilin template, per level. Each list starts with the factors the
// Jilin paper (seed 004) ranks, in its order; the rest are the constraints the other seed papers
// discuss: market competition and venture capital (002), intermediary services (001, 003),
// technology sources and talent (001, 002, 003), R&D funding and innovation risk (000),
// incentive mechanism (000, 002).
import { factor } from "./template-parts";

export const JILIN_MACRO_FACTORS = [
  factor("macro", "national_policy", "国家优惠政策扶持", "Support from national preferential policies"),
  factor("macro", "fiscal_tax_support", "财政与税收支持", "Financial and taxation support"),
  factor("macro", "ip_protection", "知识产权保护", "Protection of intellectual property rights"),
  factor("macro", "market_access", "市场准入与公平竞争", "Market access and fair competition"),
  factor("macro", "venture_capital", "风险投资环境", "Venture capital environment"),
];

export const JILIN_MIDDLE_FACTORS = [
  factor("middle", "entrepreneur_training", "企业家培训支持", "Entrepreneur training support"),
  factor(
    "middle",
    "industry_academia_links",
    "产学研结合紧密程度",
    "Bonding of industry, universities and research institutes",
  ),
  factor("middle", "financing_channels", "多元化融资渠道建设", "Diversified financing channels"),
  factor("middle", "information_sharing", "行业间信息共享", "Information sharing among industries"),
  factor("middle", "intermediary_services", "科技中介服务", "Technology and business intermediary services"),
  factor("middle", "technology_sources", "技术来源渠道", "Access to sources of technology"),
  factor("middle", "talent_shortage", "本地人才供给不足", "Shortage of skilled talent in the region"),
];

export const JILIN_MICRO_FACTORS = [
  factor("micro", "innovation_culture", "鼓励创新的企业文化建设", "Corporate culture that encourages innovation"),
  factor("micro", "marketing_mix", "市场营销组合策略", "Marketing mix strategy"),
  factor("micro", "knowledge_worker_mgmt", "知识型员工管理", "Management of knowledge workers"),
  factor("micro", "internal_control", "内部控制", "Internal control"),
  factor("micro", "rnd_funding_shortage", "研发资金不足", "Shortage of R&D funds"),
  factor("micro", "innovation_risk", "创新风险高、难以承受", "High innovation risk the firm can hardly bear"),
  factor("micro", "incentive_mechanism", "激励机制不健全", "Weak incentive mechanism for employees"),
];
