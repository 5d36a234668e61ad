// The demo questionnaire as DDI-Codebook 2.5: valid against the DDI Alliance's schema (shipped in
// schemas/ddi-codebook-2.5.1, checked with xmllint), with every variable of the SPSS file, the
// question texts and category labels in both languages, and a multiple-response group per
// multi-select question.
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { exportSurvey } from "@/lib/export/export-survey";
import { loadDemoExport, writeTextFile, type DemoExport } from "@/tests/fixtures/demo-export";
import { describeWithCommand, runCommand } from "@/tests/setup/external-tools";

const SCHEMA = path.resolve("schemas/ddi-codebook-2.5.1/codebook.xsd");
let demo: DemoExport;
let xml: string;

beforeAll(async () => {
  demo = await loadDemoExport();
  const file = await exportSurvey({
    db,
    actor: demo.researcher,
    survey: demo.survey,
    format: "ddi",
    locale: "en",
    values: "codes",
  });
  expect(file.contentType).toBe("application/xml; charset=utf-8");
  expect(file.filename).toMatch(/^jilin-2017-ddi-codebook-\d{8}\.xml$/);
  xml = await new Response(file.body).text();
});

const xpath = (file: string, expression: string) => runCommand("xmllint", ["--xpath", expression, file]).trim();

describeWithCommand("xmllint", "libxml2-utils", "the DDI-Codebook export", () => {
  it("is valid against the DDI-Codebook 2.5 schema", () => {
    const file = writeTextFile("demo-ddi.xml", xml);
    expect(() => runCommand("xmllint", ["--noout", "--schema", SCHEMA, file])).not.toThrow();
    // The schema does check: a variable without its required name is refused.
    const broken = writeTextFile(
      "broken-ddi.xml",
      xml.replace(/<var ID="V_region" name="region"/, '<var ID="V_region"'),
    );
    expect(() => runCommand("xmllint", ["--noout", "--schema", SCHEMA, broken])).toThrow(/name.*is required/);
  });

  it("describes variables, categories and multiple-response groups in both languages", () => {
    const file = writeTextFile("demo-ddi-content.xml", xml);
    const local = (name: string) => `*[local-name()='${name}']`;
    expect(xpath(file, `count(//${local("var")})`)).toBe("45");
    expect(xpath(file, `string(//${local("titl")})`)).toBe(demo.survey.titleZh);
    expect(xpath(file, `string(//${local("parTitl")}[@xml:lang='en'])`)).toBe(demo.survey.titleEn);
    const region = `//${local("var")}[@name='region']`;
    expect(xpath(file, `string(${region}/${local("qstn")}/${local("qstnLit")}[@xml:lang='zh'])`)).toBe(
      "贵企业所在地区",
    );
    expect(xpath(file, `string(${region}/${local("qstn")}/${local("qstnLit")}[@xml:lang='en'])`)).toBe(
      "Where is your firm located?",
    );
    expect(xpath(file, `string(${region}/${local("catgry")}[1]/${local("labl")}[@xml:lang='zh'])`)).toBe("长春市");
    expect(xpath(file, `string(${region}/${local("catgry")}[1]/${local("catValu")})`)).toBe("1");

    const groups = xpath(file, `//${local("varGrp")}[@type='multipleResp']/@name`);
    expect(groups).toContain('name="$macro_constraints"');
    expect(groups).toContain('name="$middle_constraints"');
    expect(groups).toContain('name="$micro_constraints"');
    const members = xpath(file, `string(//${local("varGrp")}[@name='$macro_constraints']/@var)`).split(" ");
    expect(members).toContain("V_macro_constraints_national_policy");
    expect(members).toContain("V_macro_constraints_none");
    expect(members).not.toContain("V_macro_constraints_dont_know");
    const policy = `//${local("var")}[@name='macro_constraints_national_policy']`;
    expect(xpath(file, `string(${policy}/${local("concept")})`)).toBe("national_policy");
    expect(xpath(file, `string(${policy}/${local("labl")}[@xml:lang='en'])`)).toBe(
      "Which of these national-level factors concern your firm?: Support from national preferential policies",
    );
  });
});
