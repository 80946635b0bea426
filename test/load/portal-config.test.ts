import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/load/config.js";
import { makeSite } from "../helpers/site.js";

describe("portal config keys", () => {
  it("reads sidebar.source, analytics.goatcounter, footer and login", () => {
    const root = makeSite({
      "gazette.config.yaml": [
        "sidebar:\n  source: Thông báo",
        "analytics:\n  goatcounter: https://stats.example.org/",
        "login:\n  url: /admin/",
        'footer:\n  organisation: Trung tâm VH-TT\n  address: Số 1 đường Mẫu\n  phone: "0214 000 0000"\n  email: lienhe@example.org\n  editor: Ông Nguyễn Văn A\n  licence: Giấy phép số 00',
      ].join("\n") + "\n",
    });
    const { config, diagnostics } = loadConfig(root, "site");
    expect(diagnostics).toEqual([]);
    expect(config.sidebar).toEqual({ recent: 10, source: "Thông báo" });
    expect(config.analytics).toEqual({ goatcounter: "https://stats.example.org" });
    expect(config.login).toEqual({ url: "/admin/" });
    expect(config.footer).toEqual({ organisation: "Trung tâm VH-TT", address: "Số 1 đường Mẫu", phone: "0214 000 0000", email: "lienhe@example.org", editor: "Ông Nguyễn Văn A", licence: "Giấy phép số 00" });
  });

  it("leaves them out by default", () => {
    const { config } = loadConfig(makeSite({ "content/.keep": "" }), "site");
    expect(config.sidebar.source).toBeUndefined();
    expect(config.analytics).toBeUndefined();
    expect(config.footer).toBeUndefined();
    expect(config.login).toBeUndefined();
  });

  it("reports wrong types and values at their lines", () => {
    const root = makeSite({
      "gazette.config.yaml": [
        "sidebar:", "  source: 3", // 1-2
        "analytics:", "  goatcounter: stats.example.org", "  plausible: x", // 3-5
        "footer:", "  phone: 02140000000", "  email: lienhe", "  fax: 1", // 6-9
        "login: /admin/", // 10
      ].join("\n") + "\n",
    });
    const { config, diagnostics } = loadConfig(root, "site");
    expect(diagnostics.map((d) => [d.code, d.line, /"([\w.]+)"/.exec(d.message)?.[1]])).toEqual([
      ["config", 2, "sidebar.source"],
      ["config", 5, "analytics.plausible"],
      ["config", 4, "analytics.goatcounter"],
      ["config", 9, "footer.fax"],
      ["config", 7, "footer.phone"],
      ["config", 8, "footer.email"],
      ["config", 10, "login"],
    ]);
    expect(diagnostics.every((d) => d.file === "site/gazette.config.yaml")).toBe(true);
    expect(diagnostics.find((d) => d.line === 7)!.message).toContain('quote a phone number: phone: "0214 3871 234"');
    expect(config.footer).toBeUndefined();
  });

  it("accepts an absolute login URL and refuses other schemes", () => {
    expect(loadConfig(makeSite({ "gazette.config.yaml": "login:\n  url: https://quantri.example.org/\n" }), "s").config.login).toEqual({ url: "https://quantri.example.org/" });
    const { diagnostics } = loadConfig(makeSite({ "gazette.config.yaml": "login:\n  url: javascript:alert(1)\n" }), "s");
    expect(diagnostics).toMatchObject([{ code: "config", line: 2 }]);
  });
});
