/**
 * The Vietnamese message catalog: the same keys and arguments as `en`, in
 * the words a newsroom's staff use (tệp, trường, bài viết, ảnh, liên kết).
 */
import type { BaseUrlProblem, Catalog, DateProblem, Found, ImageFault, PlaceholderReason } from "./catalog.js";

function found(f: Found): string {
  if (f.kind === "list") return "một danh sách";
  if (f.kind === "mapping") return "một nhóm khoá: giá trị";
  if (f.kind === "nothing") return "giá trị rỗng";
  if (f.kind === "boolean") return `giá trị đúng/sai ${f.value ?? ""}`.trim();
  if (f.kind === "number") return `số ${f.value ?? ""}`.trim();
  return `${f.kind} ${f.value ?? ""}`.trim();
}

const PLACEHOLDER: Record<PlaceholderReason, string> = {
  "no-letters": "không có chữ hay số nào",
  number: "chỉ là một con số",
  "file-name": "chỉ là tên tệp ảnh",
  camera: "là tên tệp do máy ảnh đặt",
  placeholder: "là chữ điền tạm",
};

function baseUrl(a: { value: string; problem: BaseUrlProblem }): string {
  if (a.problem === "scheme") return `"${a.value}" phải bắt đầu bằng http:// hoặc https://`;
  if (a.problem === "query") return `"${a.value}" không được có phần ?… hay #…`;
  return `"${a.value}" không phải địa chỉ đầy đủ (cần viết dạng https://example.org/tin-tuc/)`;
}

/** Why a photo cannot be published; the image library's own (English) text only when the cause is not one of the known ones. */
function imageFault(f: ImageFault): string {
  switch (f.kind) {
    case "empty":
      return "tệp rỗng (0 byte)";
    case "not-image":
      return "tệp không phải ảnh JPEG hay PNG, có khi không phải ảnh (một trang web hay văn bản được lưu với tên ảnh?)";
    case "other-format":
      return `tệp là ảnh dạng ${f.format}, không phải JPEG hay PNG: hãy chuyển sang JPEG, hoặc đặt đúng đuôi tệp`;
    case "no-size":
      return "phần đầu tệp ảnh không ghi kích thước";
    case "too-many-pixels":
      return `ảnh khai báo ${f.width} × ${f.height} điểm ảnh (${Math.round((f.width * f.height) / 1e6)} megapixel, quá giới hạn ${f.limit} megapixel): có thể là tệp cố ý làm treo máy, hoặc ảnh quét cần thu nhỏ trước`;
    case "truncated":
      return "tệp ảnh bị cắt cụt (dữ liệu hết trước khi hết ảnh): hãy chép lại từ tệp gốc";
    case "corrupt":
      return "dữ liệu ảnh bị hỏng, không giải mã được: hãy chép lại từ tệp gốc hoặc lưu lại ảnh";
    case "unreadable":
      return `không đọc được tệp (lỗi ${f.code})`;
    case "unknown":
      return `${f.decoding ? "không giải mã được ảnh" : "không đọc được ảnh"} (thông báo gốc của thư viện ảnh: ${f.detail})`;
  }
}

/** How heavy a photo is: its megabytes and megapixels, whichever are over the limit. */
function imageWeight(a: { detail: string; mb?: string; megapixels?: number }): string {
  const parts = [a.mb !== undefined ? `nặng ${a.mb} MB` : "", a.megapixels !== undefined ? `có ${a.megapixels} megapixel` : ""].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : `nặng ${a.detail}`;
}

const DATE_FORMS = `2024-07-26, "2024-07-26 09:00" hoặc 2024-07-26T09:00:00+07:00`;

function dateProblem(a: { value: string; problem: DateProblem; detail?: string }): string {
  switch (a.problem) {
    case "timezone":
      return `không biết múi giờ ${a.value}`;
    case "offset":
      return `ngày ${a.value} có độ lệch múi giờ không hợp lệ`;
    case "out-of-range":
      return `ngày ${a.value} không có thật (tháng 1–12, ngày theo lịch, giờ 0–23, phút 0–59)`;
    case "not-string":
      return `không đọc được ngày ${a.value}; hãy viết ngày theo dạng ${DATE_FORMS}`;
    default:
      return `không đọc được ngày ${a.value}; hãy viết ngày theo dạng ${DATE_FORMS}`;
  }
}

const KIND: Record<"category" | "tag" | "author", { name: string; page: string }> = {
  category: { name: "chuyên mục", page: "chuyên mục" },
  tag: { name: "từ khoá", page: "từ khoá" },
  author: { name: "tác giả", page: "tác giả" },
};

/** The Vietnamese catalog. */
export const vi: Catalog = {
  "severity.error": () => "lỗi",
  "severity.warning": () => "cảnh báo",

  "config.several": (a) => `có nhiều tệp cấu hình: ${a.files}; chỉ giữ lại một tệp`,
  "config.not-mapping": () => "tệp cấu hình phải gồm các dòng dạng khoá: giá trị",
  "config.unknown-key": (a) => `khoá cấu hình "${a.key}" không có trong gazette (các khoá dùng được: ${a.known}); hãy sửa lại tên khoá hoặc xoá dòng này`,
  "config.unknown-subkey": (a) => `khoá cấu hình "${a.key}" không có trong gazette; hãy sửa lại tên khoá hoặc xoá dòng này`,
  "config.not-string": (a) => `khoá cấu hình "${a.key}" phải là một đoạn chữ`,
  "config.not-integer": (a) => `khoá cấu hình "${a.key}" phải là số nguyên từ ${a.min} trở lên`,
  "config.not-mapping-key": (a) => `khoá cấu hình "${a.key}" phải gồm các khoá con (${a.allowed}), mỗi khoá một dòng thụt vào`,
  "config.not-boolean": (a) => `khoá cấu hình "${a.key}" phải là true (có) hoặc false (không)`,
  "config.sidebar-source": () => `khoá cấu hình "sidebar.source" phải là "recent", "featured" hoặc tên một chuyên mục, không được để trống`,
  "config.goatcounter": (a) => `khoá cấu hình "analytics.goatcounter" phải là địa chỉ http(s) của một trang GoatCounter, ví dụ https://stats.example.org, không phải "${a.value}"`,
  "config.footer-email": (a) => `khoá cấu hình "footer.email" phải là một địa chỉ thư điện tử như lienhe@example.org, không phải "${a.value}"`,
  "config.login-url": (a) => `khoá cấu hình "login.url" phải là một địa chỉ http(s) hoặc một đường dẫn trong trang như /admin/, không phải "${a.value}"`,
  "config.phone-not-string": (a) => `khoá cấu hình "${a.key}" phải là một đoạn chữ (đặt số điện thoại trong dấu ngoặc kép: phone: "0214 3871 234", nếu không số 0 ở đầu sẽ mất)`,
  "config.base-url": (a) => `khoá cấu hình "baseUrl": ${baseUrl(a)}`,
  "config.language": (a) => `khoá cấu hình "language" phải là mã ngôn ngữ như "vi" hoặc "en", không phải "${a.value}"`,
  "config.timezone": (a) => `khoá cấu hình "timezone": không biết múi giờ "${a.value}" (hãy viết tên như "Asia/Ho_Chi_Minh")`,
  "config.edit-url-path": () => `khoá cấu hình "editUrl" phải có chỗ "{path}" (đường dẫn của bài viết)`,
  "config.edit-url-http": () => `khoá cấu hình "editUrl" phải là địa chỉ bắt đầu bằng http:// hoặc https://`,
  "config.lint-not-mapping": () => `khoá cấu hình "lint" phải gồm các quy tắc, mỗi quy tắc một dòng: off, warning hoặc error`,
  "config.unknown-rule": (a) => `không có quy tắc kiểm tra "lint.${a.rule}" (các quy tắc: ${a.known})`,
  "config.lint-level": (a) => `khoá cấu hình "lint.${a.rule}" phải là off (tắt), warning (cảnh báo) hoặc error (lỗi)`,
  "config.images-not-mapping": () => `khoá cấu hình "images" phải là một ánh xạ (widths, formats, quality, originals)`,
  "config.images-widths": () => `khoá cấu hình "images.widths" phải là danh sách độ rộng tính bằng điểm ảnh (16 đến 8192), ví dụ [480, 960, 1600]`,
  "config.images-formats": () => `khoá cấu hình "images.formats" phải là danh sách gồm webp và avif (định dạng JPEG hoặc PNG gốc luôn được tạo)`,
  "config.images-quality": () => `khoá cấu hình "images.quality" phải là số nguyên từ 1 đến 100`,
  "usage.base-url": (a) => `--base-url: ${baseUrl(a)}`,
  "yaml.config": (a) => `tệp cấu hình viết sai cú pháp YAML: ${a.detail}`,
  "yaml.front-matter": (a) => `phần đầu bài (giữa hai dòng ---) viết sai cú pháp YAML: ${a.detail}`,
  "yaml.other": (a) => `không đọc được phần đầu bài (giữa hai dòng ---): ${a.detail}`,
  "yaml.unquoted-colon": (a) => `giá trị của "${a.field}" có dấu ": " nên YAML hiểu thành một trường mới: hãy đặt cả giá trị trong ngoặc kép: ${a.fix}`,
  "yaml.tab": () => "dòng này thụt lề bằng phím Tab, YAML chỉ nhận dấu cách: hãy thay Tab bằng dấu cách",
  "yaml.dash-space": (a) => `mục danh sách cần một dấu cách sau dấu gạch: hãy viết "- ${a.item}"`,
  "yaml.unclosed-quote": (a) => `dấu ${a.quote} mở đầu giá trị của "${a.field}" chưa được đóng: hãy kết thúc giá trị bằng ${a.quote} trên cùng dòng`,
  "yaml.text-after-quote": (a) => `giá trị của "${a.field}" còn chữ sau dấu ngoặc kép đóng: muốn dùng " bên trong giá trị, hãy bao cả giá trị bằng dấu ' : ${a.fix}`,
  "yaml.reserved-start": (a) => `giá trị không được bắt đầu bằng ${a.char}: hãy đặt cả giá trị trong ngoặc kép: ${a.fix}`,
  "yaml.duplicate-key": (a) => `trường "${a.field}" được ghi hai lần: chỉ giữ một`,
  "yaml.unclosed-bracket": (a) => `dấu ${a.open} mở ở dòng này chưa được đóng: hãy kết thúc ${a.close === "]" ? "danh sách" : "nhóm"} bằng ${a.close} trên cùng dòng`,
  "yaml.too-deep": () => "YAML lồng nhau quá sâu (danh sách hoặc nhóm lồng vào nhau hàng trăm lần)",
  "yaml.unknown-alias": (a) => `*${a.name} trỏ tới một neo &${a.name} không có ở phía trên: nếu đây là chữ bắt đầu bằng *, hãy đặt trong ngoặc kép`,
  "yaml.aliases": (a) => `các bí danh (như *${a.name}) sao chép dữ liệu quá ${a.limit} lần: hãy viết thẳng các giá trị ra`,
  "yaml.unclosed-front-matter": () => "phần đầu bài mở bằng --- ở dòng 1 chưa được đóng: hãy thêm một dòng --- sau trường cuối cùng, trước nội dung bài",
  "control-character": (a) => `đã bỏ ký tự điều khiển ${a.codePoint}: ký tự này không được có trong trang web hay bản tin`,
  "control-character.more": (a) => `đã bỏ ký tự điều khiển ở ${a.more} dòng nữa`,
  "control-character.escape": (a) => `trường "${a.field}": đã bỏ một ký tự điều khiển (viết dạng mã thoát); ký tự này không được có trong trang web hay bản tin`,
  "control-character.config-escape": () => "đã bỏ một ký tự điều khiển (viết dạng mã thoát) khỏi một giá trị: ký tự này không được có trong trang web hay bản tin",
  "config.dangling-link": (a) => `tệp cấu hình là liên kết tắt tới ${a.target || "một tệp"}, nhưng nơi đó không tồn tại: hãy trỏ nó vào một tệp thật hoặc xoá nó`,
  "config.link-loop": () => "tệp cấu hình là liên kết tắt vòng lặp: hãy trỏ nó vào một tệp thật hoặc xoá nó",
  "config.unreadable": (a) => `không đọc được tệp cấu hình (${a.reason}): hãy kiểm tra quyền truy cập`,
  "config.not-a-file": () => "tệp cấu hình lại là một thư mục (hoặc một mục đặc biệt), không phải tệp: hãy xoá nó hoặc thay bằng một tệp YAML",
  "markdown-too-deep": (a) => `dòng này lồng quá ${a.limit} danh sách hoặc trích dẫn vào nhau, gazette không hiển thị được: hãy bỏ bớt dấu > hoặc dấu đầu dòng`,
  "markdown-too-deep.brackets": (a) => `quá ${a.limit} dấu [ (liên kết hoặc ảnh) mở lồng vào nhau, gazette không hiển thị được: hãy đóng chúng hoặc viết \\[`,
  "markdown-too-deep.stack": () => "Markdown của bài lồng nhau quá sâu (danh sách, trích dẫn hoặc chữ nhấn mạnh), gazette không hiển thị được: hãy bớt lồng",
  "markdown-too-complex.markers": (a) => `đoạn này có quá ${a.limit} dấu nhấn mạnh hoặc liên kết (* _ [ ]), xử lý quá lâu: hãy tách thành nhiều đoạn hoặc viết \\* \\_ \\[`,
  "markdown-too-complex.run": (a) => `một chuỗi quá ${a.limit} dấu * hoặc _ liền nhau tạo ra quá nhiều lớp nhấn mạnh: hãy viết \\* hoặc \\_`,
  "markdown-too-complex.setext": (a) => `quá ${a.limit} tiêu đề được gạch dưới bằng === hoặc ---, xử lý quá lâu: hãy viết tiêu đề bằng dấu #`,
  "markdown-too-complex.list": (a) => `các danh sách của bài quá dài và lồng nhau nhiều so với vị trí của chúng, xử lý quá lâu: hãy tách danh sách, hoặc bớt các mục chứa danh sách con hay trích dẫn sau một đoạn văn dài như vậy`,
  "markdown-too-complex.list-items": (a) => `các danh sách của bài có quá ${a.limit} mục, xử lý quá lâu: hãy tách bài hoặc viết một số danh sách thành đoạn văn`,
  "markdown-too-complex.size": (a) => `nội dung bài dài ${a.size} KiB, quá ${a.limit} KiB mà gazette hiển thị trong một trang: hãy tách thành nhiều bài, hoặc đính kèm toàn văn thành tệp (PDF) và đặt liên kết tới tệp đó`,
  "markdown-too-complex.work": () => "bài có quá nhiều lớp lồng nhau, dấu nhấn mạnh hoặc liên kết so với độ dài, xử lý quá lâu (bị từ chối từ dòng này): hãy tách thành nhiều bài, hoặc bỏ bớt định dạng không cần thiết",
  "markdown-too-complex.table": (a) => `các bảng của bài sẽ có quá ${a.limit} ô (mỗi hàng có số ô bằng hàng tiêu đề của bảng): hãy rút gọn hàng tiêu đề hoặc tách bảng`,
  json: (a) => `tệp JSON viết sai cú pháp: ${a.detail}`,
  read: (a) => `không đọc được tệp: ${a.detail}`,
  "read.folder": (a) => `không đọc được thư mục: ${a.detail}`,
  "symlink-outside": (a) =>
    `liên kết tắt -> ${a.link} trỏ ra ngoài thư mục trang tin (tới ${a.target}), nơi gazette không bao giờ đọc hay đăng: hãy thay liên kết bằng một bản sao của tệp hoặc thư mục đó, hoặc xoá liên kết`,
  "symlink-outside.hidden": (a) =>
    `liên kết tắt -> ${a.link} trỏ tới ${a.entry}, một mục ẩn của trang tin mà gazette không bao giờ đọc hay đăng: hãy thay liên kết bằng một bản sao của tệp hoặc thư mục đó, hoặc xoá liên kết`,
  "symlink-loop": (a) => `liên kết tắt -> ${a.link} trỏ ngược về thư mục chứa nó (một vòng lặp); bỏ qua liên kết này`,
  "symlink-loop.output": (a) => `liên kết tắt -> ${a.link} trỏ tới thư mục gazette xuất trang vào (có tệp ${a.marker}); bỏ qua liên kết này`,
  "symlink-loop.never": (a) => `liên kết tắt -> ${a.link} không dẫn tới tệp nào (các liên kết trỏ vòng vào nhau); bỏ qua liên kết này`,
  "symlink-loop.visits": (a) => `các liên kết tắt dẫn vào thư mục này hơn ${a.max} lần; không liệt kê thêm nữa`,
  changed: () => "tệp đã bị sửa trong lúc đang tạo trang; hãy chạy lại lệnh",
  "front-matter.not-mapping": () => "phần đầu bài phải gồm các dòng dạng trường: giá trị (ví dụ title: Tiêu đề bài)",
  "front-matter.missing": (a) => `thiếu trường bắt buộc "${a.field}"; hãy thêm dòng ${a.field}: … vào phần đầu bài`,
  "front-matter.not-text": (a) => `trường "${a.field}" phải là một đoạn chữ, không phải ${found(a.found)}`,
  "front-matter.not-names": (a) => `trường "${a.field}" phải là danh sách tên, ví dụ [tên 1, tên 2]; ở đây có ${found(a.found)}`,
  "front-matter.date": (a) => `trường "${a.field}": ${dateProblem(a)}`,
  "front-matter.image-prop": (a) => `trường "${a.field}": "${a.prop}" phải là một đoạn chữ`,
  "front-matter.image-key": (a) => `trường "${a.field}": ảnh không có khoá "${a.key}" (chỉ dùng src, alt, caption)`,
  "front-matter.not-image": (a) => `trường "${a.field}" phải là một ảnh, ví dụ {src: images/anh.jpg, alt: …, caption: …}`,
  "front-matter.images-not-list": () => `trường "images" phải là danh sách ảnh, mỗi ảnh một dòng bắt đầu bằng "- " dạng {src, alt, caption}`,
  "front-matter.draft": () => `trường "draft" phải là true (bản nháp) hoặc false`,
  "front-matter.layout": (a) => `trường "layout" phải là tên một khuôn trang như "article", không phải "${a.value}"`,
  "front-matter.empty-slug": (a) => `không tạo được địa chỉ trang từ "${a.value}" vì không có chữ hay số nào; hãy thêm trường "slug:" (ví dụ slug: thong-bao-moi)`,
  "front-matter.empty-name-slug": (a) => `không tạo được địa chỉ trang từ tên "${a.value}" (trường ${a.field}) vì không có chữ hay số nào`,
  "front-matter.slug-too-long": (a) => `địa chỉ trang "${a.value}…" dài ${a.length} ký tự, quá ${a.max} ký tự mà một tên tệp có thể có: hãy ${a.set ? "đặt" : "rút ngắn"} "slug:"`,
  "front-matter.name-too-long": (a) => `tên "${a.value}…" (trường ${a.field}) tạo ra địa chỉ trang dài ${a.length} ký tự, quá ${a.max} ký tự mà một tên tệp có thể có: hãy rút ngắn`,
  "front-matter.author-and-authors": () => `chỉ dùng một trong hai trường "author" hoặc "authors", không dùng cả hai`,
  "front-matter.author-url": (a) => `trường "${a.field}": "url" của ${a.name} phải là địa chỉ bắt đầu bằng http:// hoặc https://`,
  "front-matter.not-authors": (a) => `trường "${a.field}" phải là tên tác giả hoặc {name, url}; ở đây có ${found(a.found)}`,
  "front-matter.category": (a) => `trường "category" chỉ ghi một chuyên mục${a.list ? " (mỗi bài thuộc một chuyên mục; muốn ghi thêm thì dùng tags)" : ""}`,

  "bad-image": (a) => `${a.field ? `trường "${a.field}": ` : ""}ảnh content/${a.path} (${a.src}) không dùng được: ${a.fault ? imageFault(a.fault) : a.problem}`,
  "unsafe-svg": (a) => `${a.field ? `trường "${a.field}": ` : ""}tệp SVG content/${a.path} (${a.src}) không an toàn: có ${a.detail}; SVG mở từ trang có thể chạy mã hoặc tải tệp từ nơi khác`,
  "unpublished-image": (a) =>
    `ảnh content/${a.path} được ${a.draft ? "bài nháp" : "bài hẹn giờ (ngày đăng ở tương lai)"} này dùng mà chưa bài đã đăng nào dùng, nhưng lần dựng trang nào cũng đăng ảnh (các bản thu nhỏ): ảnh lộ ra trước bài; nếu chưa được để ai thấy thì hãy để ảnh ngoài thư mục content/ cho tới khi đăng bài`,
  "image-too-large": (a) => `ảnh ${imageWeight(a)} (quá 20 MB hoặc 50 megapixel): dựng trang chậm; hãy thu nhỏ ảnh trước khi đưa lên`,
  "missing-image": (a) => `Không tìm thấy ảnh: ${a.url}${a.outside ? " (nằm ngoài thư mục content/)" : ""}; hãy kiểm tra tên tệp và thư mục của ảnh`,
  "missing-image.cover": (a) => `trường "cover": Không tìm thấy ảnh: ${a.src}; hãy kiểm tra tên tệp và thư mục của ảnh`,
  "broken-link.article": (a) => `liên kết tới bài viết không có: ${a.url}; hãy kiểm tra tên tệp .md`,
  "broken-link.file": (a) => `liên kết tới tệp không có: ${a.url}; hãy kiểm tra tên và thư mục của tệp`,
  "unparsed-image": (a) => `chỗ này trông như một ảnh nhưng sẽ hiện ra thành chữ: ${a.text}; đường dẫn có dấu cách phải đặt trong dấu < >, ví dụ ${a.fix}, hoặc đổi tên tệp ảnh cho không còn dấu cách`,
  "unparsed-image.link": (a) => `chỗ này trông như một liên kết nhưng sẽ hiện ra thành chữ: ${a.text}; địa chỉ có dấu cách phải đặt trong dấu < >, ví dụ ${a.fix}, hoặc bỏ dấu cách`,
  "raw-html": (a) => `thẻ HTML <${a.tag}> bị bỏ khỏi trang (trang tin không đăng mã HTML, chữ xung quanh vẫn giữ); hãy dùng cách viết Markdown: **chữ đậm**, *chữ nghiêng*, [chữ liên kết](địa chỉ)`,
  "raw-html.block": (a) => `thẻ HTML <${a.tag}> bị bỏ khỏi trang cùng toàn bộ chữ bên trong (trang tin không đăng mã HTML); hãy gõ lại phần chữ đó thành đoạn văn bình thường, không có thẻ HTML`,
  "raw-html.br": () => `thẻ HTML <br> bị bỏ khỏi trang; muốn xuống dòng thì gõ dấu \\ ở cuối dòng`,
  "raw-html.img": () => `thẻ HTML <img> bị bỏ khỏi trang; hãy chèn ảnh theo cách viết Markdown: ![mô tả ảnh](images/ten-anh.jpg "chú thích")`,
  "raw-html.iframe": () => `thẻ HTML <iframe> bị bỏ khỏi trang; muốn chèn video thì dán đường link YouTube hoặc Facebook thành một dòng riêng`,
  future: (a) => `bỏ qua bài có ngày đăng trong tương lai (${a.date}); thêm --future nếu muốn tạo trang cho bài này`,
  "duplicate-url.article": (a) => `địa chỉ ${a.url} trùng giữa ${a.other} và tệp này; hãy đặt "slug:" khác cho một trong hai bài`,
  "duplicate-url.output": (a) => `tệp ${a.path} trong trang xuất ra bị trùng giữa ${a.other} và ${a.source}`,
  "base-url": () => "chưa đặt baseUrl nên không tạo feed.xml, sitemap.xml và địa chỉ chuẩn (canonical); hãy ghi baseUrl vào tệp cấu hình hoặc thêm --base-url",
  layout: (a) => `không có khuôn trang "${a.name}": không thấy templates/${a.name}.hbs trong trang tin hay giao diện có sẵn`,
  "template.no-page": (a) => `không có khuôn trang "${a.name}" (cần tệp templates/${a.name}.hbs)`,
  "template.read": (a) => `không đọc được khuôn trang: ${a.detail}`,
  "template.syntax": (a) => `khuôn trang viết sai cú pháp: ${a.detail}`,
  "template.syntax-near": (a) => `khuôn trang viết sai cú pháp${a.near ? ` gần "${a.near}"` : ""}${a.detail ? `: ${a.detail}` : ""}`,
  "template.partial": (a) => `không thấy phần khuôn "${a.name}" (không có templates/partials/${a.name}.hbs)${a.rendering ? ` khi tạo trang bằng khuôn ${a.rendering}` : ""}`,
  "template.helper": (a) => `không có hàm trợ giúp "${a.name}" (có sẵn: eq, join và if, unless, each, with, lookup của Handlebars)`,
  "template.runtime": (a) => `${a.detail} (khi tạo trang bằng khuôn ${a.rendering})`,
  "template.runtime-partial": (a) => `${a.detail} (trong ${a.partial}, khi tạo trang bằng khuôn ${a.rendering})`,
  output: (a) => `lỗi thư mục xuất: ${a.detail}`,
  "output.refuse-symlink": (a) => `không ghi đè ${a.dir}: đây là liên kết tắt (tới ${a.target}); hãy cho --out trỏ vào thư mục thật`,
  "output.refuse-file": (a) => `không ghi đè ${a.dir}: đây không phải thư mục`,
  "output.refuse-foreign": (a) =>
    `không ghi đè ${a.dir}: thư mục này có sẵn dữ liệu không do gazette tạo (gồm ${a.sample}); mỗi lần tạo trang, cả thư mục được thay mới, nên hãy chọn thư mục mới hoặc thư mục trống bằng --out, hoặc dọn trống thư mục này`,

  "image-alt": (a) => `ảnh chưa có mô tả (alt): ${a.url}; hãy ghi mô tả trong ![…]`,
  "image-alt.placeholder": (a) => `mô tả ảnh "${a.alt}" chưa nói ảnh có gì (${PLACEHOLDER[a.reason]}): ${a.url}`,
  "image-alt.cover": () => `trường "cover": ảnh chưa có mô tả; hãy thêm alt: …`,
  "image-alt.cover-placeholder": (a) => `trường "cover": mô tả ảnh "${a.alt}" chưa nói ảnh có gì (${PLACEHOLDER[a.reason]})`,
  "image-caption": (a) => `ảnh chưa có chú thích: ${a.url}; hãy ghi chú thích trong dấu ngoặc kép sau tên tệp, hoặc trong trường "images"`,
  "image-caption.cover": () => `trường "cover": ảnh chưa có chú thích; hãy thêm caption: …`,
  "placeholder-caption": (a) => `chú thích "${a.caption}" chưa nói gì về ảnh (${PLACEHOLDER[a.reason]}): ${a.url}`,
  "placeholder-caption.cover": (a) => `trường "cover": chú thích "${a.caption}" chưa nói gì về ảnh (${PLACEHOLDER[a.reason]})`,
  "title-length.empty": () => `trường "title" (tiêu đề) đang để trống`,
  "title-length": (a) => `tiêu đề dài ${a.length} ký tự; nên viết gọn trong ${a.max} ký tự cho dễ đọc trong danh sách tin`,
  "summary-length": (a) => `tóm tắt dài ${a.length} ký tự; nên viết gọn trong ${a.max} ký tự`,
  "summary-length.none": () => `bài chưa có tóm tắt; hãy thêm trường "summary:" hoặc mở đầu bài bằng một đoạn văn`,
  "missing-author": () => `bài chưa có tác giả; hãy thêm trường "author:" hoặc "authors:"`,
  "name-variant": (a) =>
    `${KIND[a.kind].name} "${a.name}" chỉ khác "${a.shown}" (${a.example}${a.more > 0 ? ` và ${a.more} tệp khác` : ""}) ở chữ hoa, dấu hoặc dấu câu: cả hai cùng hiện là "${a.shown}" tại ${a.url}; hãy thống nhất một cách viết`,
  "duplicate-title": (a) => `tiêu đề "${a.title}" trùng với tiêu đề của ${a.others}`,
  "external-redirect": (a) => `liên kết ngoài chuyển hướng (${a.status}): ${a.url} → ${a.finalUrl}; hãy dùng thẳng địa chỉ mới`,
  "external-link": (a) => `liên kết ngoài bị hỏng (${a.reason}): ${a.url}${a.finalUrl ? ` → ${a.finalUrl}` : ""}`,

  "cli.usage-error": (a) => `gazette: ${a.detail}`,
  "cli.unexpected": (a) => `gazette: lỗi không lường trước: ${a.detail}`,
  "cli.debug-hint": () => "(đặt GAZETTE_DEBUG=1 để xem lỗi xảy ra ở đâu, và xin báo lại cho nhóm phát triển)",
  "cli.help-hint": () => "(gõ gazette --help để xem cách dùng)",
  "cli.unknown-option": (a) => `lỗi: không có tùy chọn '${a.name}'`,
  "cli.unknown-command": (a) => `lỗi: không có lệnh '${a.name}'`,
  "cli.missing-argument": (a) => `lỗi: thiếu giá trị '${a.name}' (ví dụ: gazette new "Tiêu đề bài viết")`,
  "cli.option-missing": (a) => `lỗi: tùy chọn '${a.name}' cần có giá trị đi kèm`,
  "cli.option-invalid": (a) => `lỗi: giá trị '${a.value}' của tùy chọn '${a.name}' không hợp lệ (${a.detail})`,
  "cli.too-many": (a) => `lỗi: lệnh '${a.command}' nhận quá nhiều giá trị (cần ${a.expected.replace(/arguments?/, "giá trị")}, có ${a.got})`,
  "cli.did-you-mean": (a) => `(có phải là ${a.suggestion}?)`,
  "cli.lang": () => "ngôn ngữ của thông báo: vi hoặc en (mặc định: GAZETTE_LANG, rồi ngôn ngữ của trang tin, rồi en)",
  "usage.source-not-found": (a) => `không tìm thấy thư mục trang tin: ${a.source}`,
  "usage.out-empty": () => "--out đang để trống: hãy ghi tên thư mục xuất, hoặc bỏ tùy chọn này để dùng <thư mục trang tin>/public",
  "usage.port": (a) => `--port phải là số từ 0 đến 65535, không phải "${a.value}"`,
  "build.summary": (a) =>
    `đã tạo ${a.articles} bài viết, ${a.pages} trang (${a.files} tệp) vào ${a.where}/ trong ${a.seconds.replace(".", ",")} giây` +
    (a.bodies && a.cachedPages ? `; lấy lại từ bộ nhớ đệm: ${a.bodies[0]}/${a.bodies[1]} nội dung bài, ${a.cachedPages[0]}/${a.cachedPages[1]} trang` : "") +
    (a.warnings ? `, ${a.warnings} cảnh báo` : ""),
  "build.progress-load": () => "đang đọc bài viết",
  "build.progress-markdown": () => "đang xử lý nội dung bài",
  "build.progress-articles": () => "đang tạo trang bài viết",
  "build.progress-render": () => "đang tạo trang danh sách",
  "build.failed": (a) => `không tạo được trang: ${a.errors} lỗi; trang đã tạo lần trước vẫn giữ nguyên`,
  "check.summary": (a) =>
    `đã kiểm tra ${a.articles} bài viết: ${a.errors + a.warnings === 0 ? "không có vấn đề gì" : `${a.errors} lỗi, ${a.warnings} cảnh báo`}; ` +
    `${a.links} liên kết ngoài${a.fetched ? (a.links > 0 ? ` đã kiểm tra (${a.broken} hỏng, ${a.redirected} chuyển hướng)` : "") : a.links > 0 ? " (chưa mở thử: thêm --external)" : ""} trong ${a.seconds.replace(".", ",")} giây`,
  "check.strict": () => " (--strict: cảnh báo cũng tính là không đạt)",
  "check.progress": (a) => `đang kiểm tra liên kết ngoài: ${a.done}/${a.total}`,
  "serve.building": () => "đang tạo trang tin trong bộ nhớ…",
  "serve.port-busy": (a) => `cổng ${a.port} đang bận; thử cổng ${a.next}`,
  "serve.serving": (a) => `xem trang tại ${a.url} (bấm Ctrl-C để dừng)`,
  "serve.stopped": () => "đã dừng",
  "serve.refused": (a) => `gazette: không mở ${a.path}: tệp này trỏ ra ngoài thư mục trang tin`,
  "serve.failed": (a) =>
    `${a.initial ? "không tạo được trang" : "không cập nhật được trang"}: ${a.errors} lỗi; ${a.initial ? "trình duyệt hiện trang báo lỗi cho đến khi sửa xong" : "vẫn hiện bản tốt gần nhất"}`,
  "serve.built": (a) => `đã tạo ${a.articles} bài viết, ${a.pages} trang trong ${a.time}`,
  "serve.rebuilt": (a) =>
    `đã cập nhật ${[...(a.config ? ["tệp cấu hình"] : []), ...(a.theme ? ["giao diện"] : []), ...(a.articles !== undefined ? [`${a.articles} bài viết`] : []), ...(a.files !== undefined ? [`${a.files} tệp`] : [])].join(", ")}, ${a.pages} trang trong ${a.time}`,
  "serve.port-denied": (a) => `không được phép dùng cổng ${a.port} (cổng dưới 1024 cần quyền quản trị); hãy dùng --port 4000 hoặc cổng khác`,
  "serve.host-unknown": (a) => `không mở được địa chỉ ${a.host}: máy này không có địa chỉ đó`,
  "serve.ports-busy": (a) => `${a.range} đang bận; hãy tắt chương trình đang dùng cổng hoặc chọn --port khác`,
  "serve.watch-limit": () => "máy đã hết lượt theo dõi tệp nên một số thay đổi sẽ không được cập nhật (Linux: tăng fs.inotify.max_user_watches, hoặc đóng bớt chương trình theo dõi tệp)",
  "overlay.title": () => "gazette: trang tin đang có lỗi. Trình duyệt vẫn hiện bản tốt gần nhất; hãy sửa các tệp dưới đây rồi lưu lại.",
  "overlay.hide": () => "Ẩn",
  "overlay.page-title": () => "gazette: trang tin đang có lỗi",
  "overlay.page-heading": () => "Trang tin đang có lỗi",
  "overlay.page-hint": () => "Hãy sửa các lỗi dưới đây rồi lưu lại; trang này sẽ tự tải lại.",
  "init.config": (a) => `# Cài đặt của trang tin, do gazette đọc. Khoá nào cũng có thể bỏ: xoá một dòng
# thì dùng giá trị mặc định. Khoá không có trong danh sách này là lỗi.

# Tên trang tin, hiện ở đầu trang và trên tiêu đề các trang (mặc định: tên thư mục).
title: ${a.title}

# Mô tả ngắn của trang tin, cho máy tìm kiếm và tin RSS/Atom (mặc định: để trống).
description: ""

# Địa chỉ đầy đủ của trang tin khi đã đưa lên mạng. Nếu trang nằm trong một thư
# mục con (https://example.org/tin-tuc/ thì mọi liên kết bắt đầu bằng /tin-tuc/).
# feed.xml, sitemap.xml và địa chỉ chuẩn cần khoá này; thiếu nó thì
# \`gazette build\` cảnh báo và bỏ qua các tệp đó. \`--base-url\` thay cho khoá này:
# tệp .github/workflows/publish.yml truyền địa chỉ GitHub Pages.
# baseUrl: https://example.org/tin-tuc/

# Ngôn ngữ của trang (<html lang>), cách ghi ngày và chữ trên giao diện: vi hoặc en
# (mặc định: vi). Thông báo của gazette cũng theo ngôn ngữ này.
language: vi

# Ngày giờ không ghi múi giờ được hiểu theo múi giờ này, và ngày giờ hiện ra
# theo múi giờ này (tên IANA; mặc định: Asia/Ho_Chi_Minh).
timezone: ${a.timezone}

# Số bài trên mỗi trang danh sách tin (mặc định: 10).
perPage: 10

sidebar:
  # Số tin mới ở cột bên (mặc định: 10).
  recent: 10
  # Tin nào ở cột bên: featured (bài có featured: true), recent (tin mới), hoặc
  # tên một chuyên mục như Thông báo (mặc định: featured nếu có bài nổi bật,
  # nếu không thì chuyên mục nhiều bài nhất).
  # source: featured

related:
  # Số liên kết "Tin khác" dưới mỗi bài (mặc định: 5).
  count: 5

markdown:
  # Mã HTML viết trong bài bị bỏ, trừ khi đặt true (mặc định: false).
  allowHtml: false

# Liên kết "Sửa bài này" trên trang bài viết; {path} được thay bằng
# content/….md (mặc định: không có).
# editUrl: https://github.com/OWNER/REPO/edit/main/{path}

# Bộ đếm lượt truy cập GoatCounter (https://www.goatcounter.com/, có thể tự
# cài đặt): đoạn mã đếm trên mọi trang và khối "Lượt truy cập" ở cột bên
# (mặc định: không có).
# analytics:
#   goatcounter: https://stats.example.org

# Liên kết "Đăng nhập" ở đầu trang (mặc định: không có).
# login:
#   url: https://example.org/admin/

# Thông tin cơ quan ở chân trang, dòng nào có giá trị thì hiện; đặt số điện
# thoại trong dấu ngoặc kép để giữ số 0 ở đầu.
# footer:
#   organisation: Trung tâm Văn hóa, Thể thao và Truyền thông
#   address: Số 1 đường Mẫu
#   phone: "0214 000 0000"
#   email: lienhe@example.org
#   editor: Ông Nguyễn Văn A
#   licence: Giấy phép số 00/GP-TTĐT

# Trang tìm kiếm /search/ và ô tìm kiếm ở đầu mọi trang, tìm được khi gõ có
# dấu hay không dấu. false để bỏ chúng đi.
search: true

# Mức của từng quy tắc \`gazette check\`: off (tắt), warning (cảnh báo) hoặc
# error (lỗi). Các giá trị dưới đây là mặc định.
lint:
${a.lint}
`,
  "init.kept": (a) => `giữ nguyên tệp có sẵn ${a.path}`,
  "init.created": (a) => `đã tạo trang tin gazette; tiếp theo: ${a.cd}npm install && npx gazette build`,
  "init.is-file": (a) => `${a.dir} là một tệp, không phải thư mục`,
  "init.not-empty": (a) => `thư mục ${a.dir} không trống (${a.shown}); gazette init chỉ tạo trang trong thư mục trống (được phép có .git)`,
  "new.wrote": () => `đã tạo bản nháp; xoá dòng "draft: true" để đăng bài (xem trước: gazette build --drafts, kiểm tra: gazette check --drafts)`,
  "new.c-date": () => "thời điểm đăng; bài có ngày trong tương lai chỉ được tạo khi thêm --future",
  "new.c-draft": () => "bản nháp chỉ được tạo khi thêm --drafts: xoá dòng này để đăng bài",
  "new.c-author": () => "hoặc authors: [Tuấn Nguyễn, Hoàng Luyến]; mỗi tác giả có thể ghi {name, url}",
  "new.c-source": () => "đơn vị của tác giả, hiện cạnh tên tác giả",
  "new.c-category": () => "một chuyên mục",
  "new.c-summary": () => "Một hai câu tóm tắt, hiện trong danh sách tin và trên máy tìm kiếm (mặc định: đoạn đầu tiên của bài).",
  "new.c-photo": () => "Ảnh chụp gì",
  "new.c-caption": () => "Chú thích dưới ảnh.",
  "new.c-images": () => "mô tả và chú thích của các ảnh trong bài, khớp theo src",
  "new.c-updated": () => "ngày sửa bài lần gần nhất",
  "new.c-slug": () => "địa chỉ của bài là /<slug>/; mặc định lấy từ tên tệp",
  "new.c-layout": () => "khuôn trang khác: templates/<layout>.hbs",
  "new.c-body": () => "Đoạn văn đầu tiên là phần tóm tắt nếu không có `summary:`. Ảnh đứng riêng một\n     đoạn sẽ thành ảnh có chú thích; chữ trong ngoặc kép là chú thích:",
  "new.no-slug": (a) => `không đặt được tên tệp từ tiêu đề "${a.title}" vì không có chữ hay số nào`,
  "new.exists": (a) => `đã có tệp ${a.path}; không ghi đè (hãy sửa tệp đó, hoặc chọn tiêu đề khác)`,
};
