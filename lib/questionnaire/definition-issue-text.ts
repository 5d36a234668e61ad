// The Chinese wording of QuestionnaireDefinitionSchema's own messages, for the designer's inline
// errors (zod's built-in messages come from zod's zh-CN locale). The schema stays the one source
// of the rules and of the English text; the API keeps answering in English. Browser-safe.
const TYPE_ZH: Record<string, string> = {
  single: "单选题",
  multi: "多选题",
  rank: "排序题",
  scale: "量表题",
  matrix: "矩阵题",
  number: "数字题",
  text: "文本题",
};

const ZH: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^A code has at most 64 characters$/, () => "代码最多 64 个字符"],
  [/^A code starts with a lower-case letter/, () => "代码须以小写字母开头，只能包含 a-z、0-9 和 _"],
  [/^A label needs text in at least one language$/, () => "请至少用一种语言填写文字"],
  [/^max must be greater than min$/, () => "最大值须大于最小值"],
  [/^max must not be less than min$/, () => "最大值不能小于最小值"],
  [
    /^(Factor|Section|Question|Row) code "(.*)" is used twice$/,
    (m) => `${{ Factor: "因素", Section: "部分", Question: "题目", Row: "行" }[m[1]]}代码“${m[2]}”重复使用`,
  ],
  [/^Option code "(.*)" is used twice in this question$/, (m) => `选项代码“${m[1]}”在本题中重复使用`],
  [/^Unknown factor "(.*)": declare it in factors$/, (m) => `未知因素“${m[1]}”：请先在因素列表中声明`],
  [/^Only options of a multi question can be exclusive$/, () => "只有多选题的选项可以设为互斥"],
  [/^maxSelections is larger than the number of options$/, () => "最多可选数大于选项数"],
  [/^topN is larger than the number of options$/, () => "排序项数大于选项数"],
  [/^attentionThreshold must lie within (.*)\.\.(.*)$/, (m) => `关注阈值须在 ${m[1]} 到 ${m[2]} 之间`],
  [/^A question mapped to factors needs an attentionThreshold$/, () => "关联了因素的题目需要设置关注阈值"],
  [/^showIf refers to "(.*)", which is not an earlier question$/, (m) => `显示条件引用的“${m[1]}”不是前面的题目`],
  [/^The "(.*)" condition needs a value$/, (m) => `“${m[1]}”条件需要一个值`],
  [/^The "(.*)" condition does not apply to a (.*) question$/, (m) => `“${m[1]}”条件不适用于${TYPE_ZH[m[2]] ?? m[2]}`],
  [/^"(.*)" is not an option of "(.*)"$/, (m) => `“${m[1]}”不是题目“${m[2]}”的选项`],
];

export function definitionMessageIn(message: string, locale: "zh" | "en"): string {
  if (locale === "en") return message;
  for (const [pattern, zh] of ZH) {
    const match = message.match(pattern);
    if (match) return zh(match);
  }
  return message;
}
