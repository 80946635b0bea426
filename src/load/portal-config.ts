/**
 * The portal parts of the config: where the sidebar's articles come from, the
 * GoatCounter visitor counter, the footer's lines and the login link. Every
 * wrong type or value is reported at its key, and the default kept.
 */
import type { ArgsOf, MessageKey } from "../i18n/catalog.js";
import type { FooterConfig, SiteConfig } from "../types.js";

/** Receives a problem with the config key it is about (`footer.phone`), as a catalog key and its arguments. */
export interface KeyReporter {
  report<K extends MessageKey>(key: string, message: K, args: ArgsOf<K>): void;
}

/** The top-level keys read here. */
export const PORTAL_KEYS = ["analytics", "footer", "login"];

/** The keys under `footer:`, in the order the footer shows them. */
export const FOOTER_KEYS = ["organisation", "address", "phone", "email", "editor", "licence"] as const;

/** Reads `sidebar.source` (from the already checked `sidebar` mapping), `analytics`, `footer` and `login` into `config`. */
export function readPortalConfig(raw: Record<string, unknown>, sidebar: Record<string, unknown>, config: SiteConfig, reporter: KeyReporter): void {
  const source = text("sidebar.source", sidebar.source, reporter);
  if (source !== undefined) {
    if (source.trim() === "") reporter.report("sidebar.source", "config.sidebar-source", {});
    else config.sidebar.source = source.trim();
  }

  const analytics = mapping(raw, "analytics", ["goatcounter"], reporter);
  const goatcounter = text("analytics.goatcounter", analytics.goatcounter, reporter);
  if (goatcounter !== undefined) {
    const url = httpUrl(goatcounter);
    if (!url || url.search || url.hash) {
      reporter.report("analytics.goatcounter", "config.goatcounter", { value: goatcounter });
    } else config.analytics = { goatcounter: url.href.replace(/\/+$/, "") };
  }

  const footer = mapping(raw, "footer", [...FOOTER_KEYS], reporter);
  const lines: FooterConfig = {};
  for (const key of FOOTER_KEYS) {
    const value = text(`footer.${key}`, footer[key], reporter, key === "phone");
    if (value === undefined || value.trim() === "") continue;
    if (key === "email" && !/^[^\s@]+@[^\s@]+$/.test(value.trim())) {
      reporter.report("footer.email", "config.footer-email", { value });
      continue;
    }
    lines[key] = value.trim();
  }
  if (Object.keys(lines).length > 0) config.footer = lines;

  const login = mapping(raw, "login", ["url"], reporter);
  const url = text("login.url", login.url, reporter);
  if (url !== undefined) {
    if (url.startsWith("/") && !url.startsWith("//")) config.login = { url };
    else if (httpUrl(url)) config.login = { url };
    else reporter.report("login.url", "config.login-url", { value: url });
  }
}

/** A nested mapping of the config, `{}` when absent or wrong (reported); unknown sub-keys are reported. */
function mapping(raw: Record<string, unknown>, key: string, allowed: string[], reporter: KeyReporter): Record<string, unknown> {
  const value = raw[key];
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    reporter.report(key, "config.not-mapping-key", { key, allowed: allowed.join(", ") });
    return {};
  }
  const entries = value as Record<string, unknown>;
  for (const sub of Object.keys(entries)) {
    if (!allowed.includes(sub)) reporter.report(`${key}.${sub}`, "config.unknown-key", { key: `${key}.${sub}`, known: allowed.map((a) => `${key}.${a}`).join(", ") });
  }
  return entries;
}

function text(key: string, value: unknown, reporter: KeyReporter, phone = false): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (phone) reporter.report(key, "config.phone-not-string", { key });
  else reporter.report(key, "config.not-string", { key });
  return undefined;
}

function httpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}
