/**
 * UI labels of the built-in theme: every piece of interface text a template
 * shows comes from here (as `labels.*`), never from the template itself.
 */

/** The label keys every built-in set defines. */
export type LabelKey = keyof typeof en;

const en = {
  // Site chrome
  home: "Home",
  skipToContent: "Skip to main content",
  mainNavigation: "Main navigation",
  menu: "Menu",
  categories: "Categories",
  recentNews: "Recent news",
  latestNews: "Latest news",
  feed: "Atom feed",
  featured: "Featured",
  pages: "pages",
  login: "Log in",
  // Visitor counter
  visits: "Visits",
  visitsMonth: "This month",
  visitsYear: "This year",
  visitsTotal: "All time",
  // Footer
  address: "Address",
  phone: "Phone",
  email: "E-mail",
  editor: "Responsible for content",
  // Article page
  playVideoOn: "Play the video on",
  otherNews: "Other news",
  category: "Category",
  tags: "Tags",
  authors: "Authors",
  by: "By",
  source: "Source",
  published: "Published",
  updated: "Updated",
  editArticle: "Edit this article",
  // Listing pages
  authorHeading: "Author",
  categoryHeading: "Category",
  tagHeading: "Tag",
  noArticles: "No articles yet.",
  readMore: "Read more",
  // Pagination
  pagination: "Pagination",
  page: "Page",
  previous: "Previous",
  next: "Next",
  first: "First",
  last: "Last",
  // 404
  notFoundTitle: "Page not found",
  notFoundText: "The page you are looking for does not exist or has been moved.",
  backHome: "Back to the home page",
  // Search
  search: "Search",
  searchPlaceholder: "Search news…",
  searchNeedsJs: "Search needs JavaScript, which is turned off in your browser. You can browse the news by category:",
  searchLoading: "Searching…",
  searchPrompt: "Type one or more words, with or without accents.",
  searchNone: "No articles match your search.",
  searchCount: "{n} articles found",
  searchFailed: "Search is unavailable right now. Please try again later.",
  searchAllCategories: "All categories",
  searchAllYears: "All years",
  searchOrder: "Order",
  searchRelevance: "Most relevant",
  searchNewest: "Newest first",
  searchMore: "More results",
  year: "Year",
} as const;

const vi: Record<LabelKey, string> = {
  home: "Trang chủ",
  skipToContent: "Chuyển đến nội dung chính",
  mainNavigation: "Điều hướng chính",
  menu: "Danh mục",
  categories: "Chuyên mục",
  recentNews: "Tin tức",
  latestNews: "Tin mới nhất",
  feed: "Nguồn tin Atom",
  featured: "Tin nổi bật",
  pages: "các trang",
  login: "Đăng nhập",
  visits: "Lượt truy cập",
  visitsMonth: "Trong tháng",
  visitsYear: "Trong năm",
  visitsTotal: "Tất cả",
  address: "Địa chỉ",
  phone: "Điện thoại",
  email: "Email",
  editor: "Chịu trách nhiệm nội dung",
  playVideoOn: "Xem video trên",
  otherNews: "Tin khác",
  category: "Chuyên mục",
  tags: "Từ khóa",
  authors: "Tác giả",
  by: "Tác giả:",
  source: "Nguồn",
  published: "Ngày đăng",
  updated: "Cập nhật",
  editArticle: "Sửa bài viết này",
  authorHeading: "Tác giả",
  categoryHeading: "Chuyên mục",
  tagHeading: "Từ khóa",
  noArticles: "Chưa có bài viết nào.",
  readMore: "Xem tiếp",
  pagination: "Phân trang",
  page: "Trang",
  previous: "Trang trước",
  next: "Trang sau",
  first: "Trang đầu",
  last: "Trang cuối",
  notFoundTitle: "Không tìm thấy trang",
  notFoundText: "Trang bạn tìm không tồn tại hoặc đã được chuyển đi nơi khác.",
  backHome: "Về trang chủ",
  search: "Tìm kiếm",
  searchPlaceholder: "Tìm tin bài…",
  searchNeedsJs: "Tìm kiếm cần JavaScript, nhưng trình duyệt của bạn đang tắt JavaScript. Bạn có thể xem tin theo chuyên mục:",
  searchLoading: "Đang tìm…",
  searchPrompt: "Nhập một hoặc nhiều từ, có dấu hoặc không dấu.",
  searchNone: "Không tìm thấy bài viết phù hợp.",
  searchCount: "Tìm thấy {n} bài viết",
  searchFailed: "Chức năng tìm kiếm tạm thời không hoạt động. Vui lòng thử lại sau.",
  searchAllCategories: "Tất cả chuyên mục",
  searchAllYears: "Tất cả các năm",
  searchOrder: "Sắp xếp",
  searchRelevance: "Phù hợp nhất",
  searchNewest: "Mới nhất",
  searchMore: "Xem thêm kết quả",
  year: "Năm",
};

const sets: Record<string, Record<LabelKey, string>> = { en, vi };

/**
 * Returns the label set for a site language (`vi`, `en`; a region such as
 * `vi-VN` uses its base language). Unknown languages fall back to `en`.
 * The result is a fresh object, safe for the caller to extend.
 */
export function labelsFor(language: string): Record<string, string> {
  const base = language.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  const set = Object.hasOwn(sets, base) ? sets[base] : undefined;
  return { ...(set ?? en) };
}
