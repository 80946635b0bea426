/**
 * The files `gazette init` writes, as text: a documented config, a sample
 * article with captioned images, the theme-override guide, `.gitignore`, a
 * GitHub Pages workflow and a `package.json` pinning gazette.
 */
import { LINT_RULES } from "../load/lint-rules.js";
import { message, type Lang } from "../i18n/catalog.js";

/** What the texts are filled with. */
export interface SiteFacts {
  title: string;
  /** Package name: lower-case ASCII with hyphens. */
  name: string;
  /** Today in the site timezone: `2024-07-26`. */
  date: string;
  /** gazette's own version, for package.json. */
  version: string;
  /** The dependency spec written into package.json instead of `^version`: a tarball path, a git URL… */
  packageSpec?: string;
  /** IANA timezone written into the config. */
  timezone: string;
}

/** `gazette.config.yaml` with every key and its default explained, the comments in `lang`. */
export function configText(facts: SiteFacts, lang: Lang = "en"): string {
  return message(lang, "init.config", {
    title: JSON.stringify(facts.title),
    timezone: facts.timezone,
    lint: LINT_RULES.map((rule) => `  ${rule.id}: ${rule.severity}`).join("\n"),
  });
}

/** The sample article: cover and a body figure, both with alt text and captions. */
export function articleText(facts: SiteFacts): string {
  return `---
title: "Chào mừng đến với trang tin của bạn"
date: ${facts.date}
author: "Ban biên tập"
category: "Tin tức"
tags: ["hướng dẫn"]
summary: "Bài viết mẫu do gazette tạo: cách viết bài mới, chèn ảnh có chú thích, kiểm tra và xuất bản trang tin."
cover:
  src: images/anh-bia.png
  alt: "Tranh phong cảnh mẫu: đồi xanh dưới bầu trời xanh và mặt trời vàng"
  caption: "Ảnh bìa mẫu. Thay bằng ảnh của bạn và viết chú thích nói rõ ảnh chụp gì."
---

Đây là bài viết mẫu của trang tin mới. Mỗi bài viết là một tệp Markdown trong
thư mục \`content/\`; phần thông tin của bài (tiêu đề, ngày đăng, tác giả, chuyên
mục…) nằm ở đầu tệp, giữa hai dòng \`---\`.

## Viết bài mới

Chạy \`npx gazette new "Tiêu đề bài viết"\` để tạo tệp bài viết mới mang ngày hôm
nay, rồi mở tệp đó và viết nội dung. Bài mới là bản nháp (\`draft: true\`) cho đến
khi bạn xoá dòng đó.

## Ảnh và chú thích

Đặt ảnh cạnh bài viết, ví dụ trong thư mục \`images/\`, và chèn ảnh thành một đoạn
riêng. Phần trong ngoặc vuông mô tả ảnh cho người không xem được ảnh; phần trong
dấu ngoặc kép là chú thích hiện dưới ảnh:

![Ba ô màu xanh lam, xanh lá và cam xếp thành hàng, tượng trưng cho ba bước](images/ba-buoc.png "Ba bước làm trang tin: viết bài, kiểm tra bằng gazette check, xuất bản bằng gazette build.")

## Kiểm tra và xuất bản

Chạy \`npx gazette check\` để tìm lỗi (liên kết hỏng, ảnh thiếu chú thích…) và
\`npx gazette build\` để tạo trang web trong thư mục \`public/\`. Khi đẩy lên
GitHub, quy trình trong \`.github/workflows/publish.yml\` tự động xây dựng và
xuất bản trang lên GitHub Pages.
`;
}

/** templates/README.md: how to override the built-in theme. */
export function templatesReadme(): string {
  return `# Theme overrides

This folder is empty on purpose: the site uses gazette's built-in theme. To
change a part of it, put a file with the same relative path here; it replaces
the built-in one, file by file, and everything else stays built in.

Copy the file you want to change from the built-in theme as a starting point:
it is in \`node_modules/gazette/templates/\` once gazette is installed.

\`\`\`
templates/
  article.hbs              article pages
  listing.hbs              home, category, author and tag listings
  404.hbs                  the not-found page
  <name>.hbs               another page template, used by articles with \`layout: <name>\`
  partials/base.hbs        the HTML shell: <head>, header, main, sidebar, footer
  partials/header.hbs, footer.hbs, sidebar.hbs, pagination.hbs, article-card.hbs,
  partials/figure.hbs, related.hbs, head-extra.hbs
  partials/analytics.hbs   empty: put a visitor counter or analytics snippet here
  assets/style.css         copied to /assets/style.css (any file under assets/ is copied)
\`\`\`

Templates are [Handlebars](https://handlebarsjs.com/). Each receives plain data:
\`site\` (title, description, language, homeUrl, feedUrl, categories, assetsUrl,
year), \`page\` (kind, title, url, canonical, description, data), \`labels\`,
\`sidebar.recent\`; article pages also get \`article\` and \`related\`, listings get
\`listing\` (items and pagination). Every URL is final, base path included: use
it as it is. Front-matter keys gazette does not know reach templates as
\`page.data\` and \`article.data\`.

A syntax error in a template is reported by \`gazette check\` and \`gazette build\`
with its file and line. This README is ignored by the theme.
`;
}

/** .gitignore: the output and the build cache are not sources. */
export function gitignoreText(): string {
  return `# Made by gazette build: not sources
public/
.gazette-cache/
node_modules/
`;
}

/** The GitHub Actions workflow: check and build on every push, publish the default branch to GitHub Pages. */
export function workflowText(): string {
  return `# Checks and builds the site on every push, and publishes the default branch
# to GitHub Pages. Once: in the repository's Settings → Pages, set "Source" to
# "GitHub Actions". For a custom domain or a OWNER.github.io repository, set
# --base-url below to the site's address.
name: Publish
on:
  push:
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages-\${{ github.ref }}
  cancel-in-progress: true
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: if [ -f package-lock.json ]; then npm ci; else npm install; fi
      - run: npx gazette check
      # gazette's build cache: articles unchanged since an earlier run are not rendered again.
      # Safe to lose or to restore from any earlier run: entries are keyed by content and gazette version.
      - uses: actions/cache@v4
        with:
          path: .gazette-cache
          key: gazette-\${{ runner.os }}-\${{ github.sha }}
          restore-keys: gazette-\${{ runner.os }}-
      - run: npx gazette build --base-url "https://\${{ github.repository_owner }}.github.io/\${{ github.event.repository.name }}/"
      - uses: actions/upload-pages-artifact@v3
        if: github.ref_name == github.event.repository.default_branch
        with:
          path: public
  deploy:
    needs: build
    if: github.ref_name == github.event.repository.default_branch
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
}

/** package.json: pins the gazette version CI installs, and gives \`npm run build\`, \`check\`, \`new\`, \`serve\`. */
export function packageJsonText(facts: SiteFacts): string {
  const pkg = {
    name: facts.name,
    private: true,
    description: `${facts.title}: a news site built with gazette`,
    scripts: { build: "gazette build", check: "gazette check", new: "gazette new", serve: "gazette serve" },
    devDependencies: { gazette: facts.packageSpec ?? `^${facts.version}` },
  };
  return JSON.stringify(pkg, null, 2) + "\n";
}
