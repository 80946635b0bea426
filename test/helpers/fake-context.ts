/**
 * Hand-built template contexts for rendering tests: a Vietnamese provincial
 * news site with a few categories, an article page and a listing page.
 * Each call returns fresh objects; pass `overrides` to replace top-level keys.
 */
import { labelsFor } from "../../src/render/labels.js";
import { navState, navView } from "../../src/render/portal-views.js";
import type { ArticleCardView, ArticleLinkView, PageSlotView, SiteView, TemplateContext } from "../../src/render/views.js";

/** A context with the category bar's state derived from its page, as the build does (unless `overrides` gave one). */
function withNav(context: Omit<TemplateContext, "nav"> & { nav?: TemplateContext["nav"] }): TemplateContext {
  return { ...context, nav: context.nav ?? navView(context.site, navState(context.site, { pageUrl: context.page.url, categoryUrl: context.article?.category?.url, listing: context.listing })) };
}

/** The site every fake page belongs to (`vi`, served at the root). */
export function fakeSite(): SiteView {
  return {
    title: "Cổng thông tin điện tử huyện Sa Pa",
    description: "Tin tức, sự kiện và thông báo của huyện Sa Pa, tỉnh Lào Cai.",
    language: "vi",
    homeUrl: "/",
    feedUrl: "/feed.xml",
    categories: [
      { name: "Tin tức", url: "/categories/tin-tuc/", count: 14 },
      { name: "Thông báo", url: "/categories/thong-bao/", count: 6 },
      { name: "Văn hóa - Du lịch", url: "/categories/van-hoa-du-lich/", count: 5 },
      { name: "Kinh tế", url: "/categories/kinh-te/", count: 4 },
      { name: "Hướng dẫn thủ tục", url: "/categories/huong-dan-thu-tuc/", count: 3 },
    ],
    assetsUrl: "/assets/",
    year: 2024,
  };
}

function link(title: string, slug: string, day: number): ArticleLinkView {
  const dd = String(day).padStart(2, "0");
  return { title, url: `/${slug}/`, date: { iso: `2024-07-${dd}T09:00:00+07:00`, display: `${dd}/07/2024` } };
}

/** The recent-news sidebar shared by both fake pages. */
export function fakeRecent(): ArticleLinkView[] {
  return [
    link("Hội thảo “Giải pháp nâng cao chất lượng mô hình hỗ trợ sinh kế” năm 2024", "hoi-thao-sinh-ke", 26),
    link("Thông báo lịch tiếp công dân tháng 8/2024", "lich-tiep-cong-dan-thang-8", 25),
    link("Lễ hội Xuống đồng của đồng bào Dao đỏ xã Tả Phìn", "le-hoi-xuong-dong", 23),
    link("Hướng dẫn đăng ký khai sinh trực tuyến trên Cổng dịch vụ công", "dang-ky-khai-sinh-truc-tuyen", 20),
    link("Sa Pa đón hơn 300.000 lượt khách trong 6 tháng đầu năm", "sa-pa-don-khach-6-thang", 18),
  ];
}

/** An article page: two authors with their organisation, a category, tags, a cover, related news, an edit link. */
export function fakeArticleContext(overrides: Partial<TemplateContext> = {}): TemplateContext {
  const site = fakeSite();
  return withNav({
    site,
    page: {
      kind: "article",
      title: "Hội thảo “Giải pháp nâng cao chất lượng mô hình hỗ trợ sinh kế” năm 2024",
      url: "/hoi-thao-sinh-ke/",
      canonical: "https://sapa.example.gov.vn/hoi-thao-sinh-ke/",
      description: "Sáng 26/7, Hội Liên hiệp Phụ nữ huyện tổ chức hội thảo về các mô hình hỗ trợ sinh kế cho phụ nữ dân tộc thiểu số.",
      data: {},
    },
    labels: labelsFor("vi"),
    sidebar: { recent: fakeRecent(), kind: "recent", heading: "Tin tức" },
    article: {
      title: "Hội thảo “Giải pháp nâng cao chất lượng mô hình hỗ trợ sinh kế” năm 2024",
      url: "/hoi-thao-sinh-ke/",
      date: { iso: "2024-07-26T09:00:00+07:00", display: "26/07/2024" },
      updated: { iso: "2024-07-27T00:00:00+07:00", display: "27/07/2024" },
      authors: [
        { name: "Tuấn Nguyễn", url: "/authors/tuan-nguyen/" },
        { name: "Hoàng Luyến", url: "/authors/hoang-luyen/" },
      ],
      source: "Trung tâm VH,TT-TT Sa Pa",
      category: { name: "Tin tức", url: "/categories/tin-tuc/" },
      tags: [
        { name: "sinh kế", url: "/tags/sinh-ke/" },
        { name: "phụ nữ", url: "/tags/phu-nu/" },
      ],
      cover: {
        src: "/hoi-thao-sinh-ke/images/toan-canh.jpg",
        alt: "Toàn cảnh hội thảo",
        caption: "Toàn cảnh Hội thảo tại Hội trường Huyện ủy Sa Pa.",
      },
      hasVideo: false,
      html:
        "<p>Sáng 26/7, Hội Liên hiệp Phụ nữ huyện Sa Pa phối hợp với Dự án Phát triển bền vững tổ chức Hội thảo “Giải pháp nâng cao chất lượng mô hình hỗ trợ sinh kế” năm 2024. Tham dự có đại diện lãnh đạo các phòng, ban chuyên môn của huyện cùng hơn 80 hội viên phụ nữ đến từ 16 xã, phường.</p>\n" +
        "<p>Tại hội thảo, các đại biểu đã nghe báo cáo đánh giá kết quả thực hiện các mô hình sinh kế giai đoạn 2021–2024: mô hình trồng dược liệu dưới tán rừng, dệt thổ cẩm gắn với du lịch cộng đồng và chăn nuôi lợn bản địa.</p>\n" +
        '<figure><img src="/hoi-thao-sinh-ke/images/phat-bieu.jpg" alt="Bà Bùi Lan Anh phát biểu"><figcaption>Bà Bùi Lan Anh, Chủ tịch Hội LHPN huyện phát biểu tại Hội thảo.</figcaption></figure>\n' +
        "<h2>Nhiều mô hình mang lại thu nhập ổn định</h2>\n" +
        "<p>Theo báo cáo, sau 3 năm triển khai, đã có 12 tổ hợp tác được thành lập, thu nhập bình quân của các thành viên tăng từ 15 đến 20%. Nhiều hộ đã thoát nghèo bền vững nhờ tham gia chuỗi giá trị sản phẩm OCOP của địa phương.</p>\n" +
        "<blockquote><p>Điều quan trọng nhất là chị em được tự tin làm chủ sinh kế của chính mình.</p></blockquote>\n" +
        "<p>Hội thảo cũng đề xuất các giải pháp nhân rộng mô hình trong thời gian tới, trong đó chú trọng ứng dụng công nghệ số vào quảng bá và tiêu thụ sản phẩm.</p>",
      summary: "Sáng 26/7, Hội Liên hiệp Phụ nữ huyện Sa Pa tổ chức hội thảo về các mô hình hỗ trợ sinh kế.",
      editUrl: "https://git.example.org/sapa/edit/main/content/2024/2024-07-26-hoi-thao-sinh-ke.md",
      data: {},
    },
    related: [
      link("Ra mắt tổ hợp tác dệt thổ cẩm xã Tả Van", "ra-mat-to-hop-tac-det-tho-cam", 22),
      link("Tập huấn kỹ thuật trồng dược liệu dưới tán rừng", "tap-huan-trong-duoc-lieu", 19),
      link("Hội nghị sơ kết công tác Hội phụ nữ 6 tháng đầu năm 2024", "so-ket-hoi-phu-nu-6-thang", 15),
    ],
    ...overrides,
  });
}

const cardData: [string, string, string, number, string | undefined][] = [
  ["Hội thảo “Giải pháp nâng cao chất lượng mô hình hỗ trợ sinh kế” năm 2024", "hoi-thao-sinh-ke", "Tin tức", 26, "toan-canh.jpg"],
  ["Thông báo lịch tiếp công dân tháng 8/2024", "lich-tiep-cong-dan-thang-8", "Thông báo", 25, undefined],
  ["Lễ hội Xuống đồng của đồng bào Dao đỏ xã Tả Phìn", "le-hoi-xuong-dong", "Văn hóa - Du lịch", 23, "le-hoi.jpg"],
  ["Hướng dẫn đăng ký khai sinh trực tuyến trên Cổng dịch vụ công", "dang-ky-khai-sinh-truc-tuyen", "Hướng dẫn thủ tục", 20, "dich-vu-cong.jpg"],
  ["Sa Pa đón hơn 300.000 lượt khách trong 6 tháng đầu năm", "sa-pa-don-khach-6-thang", "Kinh tế", 18, "du-khach.jpg"],
];

const summaries = [
  "Sáng 26/7, Hội Liên hiệp Phụ nữ huyện Sa Pa tổ chức hội thảo đánh giá kết quả các mô hình hỗ trợ sinh kế cho phụ nữ dân tộc thiểu số giai đoạn 2021–2024 và đề xuất giải pháp nhân rộng.",
  "Ủy ban nhân dân huyện thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND huyện trong tháng 8 năm 2024.",
  "Lễ hội Xuống đồng là dịp để đồng bào Dao đỏ cầu mong mưa thuận gió hòa, mùa màng bội thu, đồng thời giới thiệu bản sắc văn hóa đến du khách.",
  "Từ tháng 7/2024, người dân có thể đăng ký khai sinh cho con hoàn toàn trực tuyến, nhận kết quả bản điện tử mà không phải đến trụ sở UBND xã.",
  "Trong 6 tháng đầu năm 2024, du lịch Sa Pa tiếp tục tăng trưởng mạnh với tổng doanh thu ước đạt hơn 4.000 tỷ đồng.",
];

/** The fake listing's cards (five, one without a cover). */
export function fakeCards(): ArticleCardView[] {
  const categories = fakeSite().categories;
  return cardData.map(([title, slug, category, day, image], i) => {
    const card: ArticleCardView = {
      ...link(title, slug, day),
      summary: summaries[i] ?? "",
      category: { name: category, url: categories.find((c) => c.name === category)?.url ?? "/" },
      authors: [{ name: "Tuấn Nguyễn", url: "/authors/tuan-nguyen/" }],
    };
    if (image) card.cover = { src: `/${slug}/images/${image}`, alt: `Ảnh: ${title}` };
    return card;
  });
}

/** Page slots for page 4 of 9: 1 … 3 4 5 … 9. */
function fakeSlots(): PageSlotView[] {
  const n = (number: number): PageSlotView => ({ gap: false, number, url: number === 1 ? "/" : `/page/${number}/`, current: number === 4 });
  return [n(1), { gap: true }, n(3), n(4), n(5), { gap: true }, n(9)];
}

/** Page 4 of 9 of the home listing. */
export function fakeListingContext(overrides: Partial<TemplateContext> = {}): TemplateContext {
  const site = fakeSite();
  return withNav({
    site,
    page: {
      kind: "listing",
      title: "Trang 4",
      url: "/page/4/",
      canonical: "https://sapa.example.gov.vn/page/4/",
      description: site.description,
      data: {},
    },
    labels: labelsFor("vi"),
    sidebar: { recent: fakeRecent(), kind: "recent", heading: "Tin tức" },
    listing: {
      kind: "home",
      name: site.title,
      heading: "Tin mới nhất",
      items: fakeCards(),
      pagination: {
        current: 4,
        total: 9,
        show: true,
        first: { number: 1, url: "/" },
        last: { number: 9, url: "/page/9/" },
        prev: { number: 3, url: "/page/3/" },
        next: { number: 5, url: "/page/5/" },
        slots: fakeSlots(),
      },
    },
    ...overrides,
  });
}
