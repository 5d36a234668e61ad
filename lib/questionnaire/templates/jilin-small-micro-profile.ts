// Firm-profile choices of the Jilin template: the sixteen surveyed cities and counties (paper
// Fig. 2), the industries of Fig. 3 (services and manufacturing first), and the six life-cycle
// stages of technology SMEs (seed 001).
import { option } from "./template-parts";

/** Changchun first, as in the paper; the rest in the paper's order of mention, then the remaining ones. */
export const JILIN_REGION_OPTIONS = [
  option("changchun", "长春市", "Changchun"),
  option("jilin", "吉林市", "Jilin City"),
  option("siping", "四平市", "Siping"),
  option("tonghua", "通化市", "Tonghua"),
  option("baicheng", "白城市", "Baicheng"),
  option("jiutai", "九台区", "Jiutai"),
  option("liaoyuan", "辽源市", "Liaoyuan"),
  option("baishan", "白山市", "Baishan"),
  option("songyuan", "松原市", "Songyuan"),
  option("yanji", "延吉市", "Yanji"),
  option("dehui", "德惠市", "Dehui"),
  option("yushu", "榆树市", "Yushu"),
  option("gongzhuling", "公主岭市", "Gongzhuling"),
  option("meihekou", "梅河口市", "Meihekou"),
  option("huadian", "桦甸市", "Huadian"),
  option("dunhua", "敦化市", "Dunhua"),
];

export const JILIN_INDUSTRY_OPTIONS = [
  option("services", "商务及居民服务业", "Business and personal services"),
  option("manufacturing", "制造业", "Manufacturing"),
  option("wholesale_retail", "批发和零售业", "Wholesale and retail trade"),
  option("catering", "餐饮业", "Catering"),
  option("tourism", "旅游业", "Tourism"),
  option("software_it", "软件和信息技术服务业", "Software and IT services"),
  option("construction", "建筑业", "Construction"),
  option("transport_logistics", "交通运输、仓储和物流业", "Transport, storage and logistics"),
  option("agriculture", "农、林、牧、渔业", "Agriculture, forestry, animal husbandry and fishery"),
  option("agri_food_processing", "农副食品加工业", "Agricultural and food processing"),
  option("pharma_biotech", "医药与生物工程", "Pharmaceuticals and bio-engineering"),
  option("auto_parts", "汽车及零部件", "Automobiles and parts"),
  option("electronic_information", "电子信息", "Electronic information"),
  option("new_materials", "新材料", "New materials"),
  option("new_energy", "新能源", "New energy"),
  option("education_training", "教育培训", "Education and training"),
  option("culture_media", "文化、体育和娱乐业", "Culture, sports and entertainment"),
  option("scientific_services", "科学研究和技术服务业", "Scientific research and technical services"),
  option("real_estate", "房地产业", "Real estate"),
  option("other", "其他行业", "Other industry"),
];

/** The stage descriptions follow seed 001 so respondents can place their firm without a glossary. */
export const LIFECYCLE_STAGE_OPTIONS = [
  option(
    "seed",
    "种子期（尚未形成产品，仅有实验室成果、样品或专利）",
    "Seed (no product yet: lab results, samples or patents)",
  ),
  option(
    "start_up",
    "初创期（已有初期产品，管理团队尚不完善）",
    "Start-up (early product, management team still forming)",
  ),
  option(
    "growth",
    "成长期（产品进入市场，客户尚少、成本较高）",
    "Growth (product on the market, few customers, high costs)",
  ),
  option(
    "maturity",
    "成熟期（收入稳定高于支出，可依靠自身发展）",
    "Maturity (revenue steadily above costs, self-sustaining)",
  ),
  option("decline", "衰退期（市场萎缩，收入持续下降）", "Decline (shrinking market, falling revenue)"),
  option(
    "metamorphosis",
    "蜕变期（正在转型或进入新的业务领域）",
    "Metamorphosis (transforming or entering a new business)",
  ),
];
