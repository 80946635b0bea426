import { describe, expect, it } from "vitest";
import { slugify } from "../src/load/slug.js";

describe("slugify", () => {
  it.each([
    ["Đặng Văn Đức", "dang-van-duc"],
    ["Văn hóa - Du lịch", "van-hoa-du-lich"],
    ["Hội thảo “Giải pháp” – năm 2024", "hoi-thao-giai-phap-nam-2024"],
    ["Hội thảo “Giải pháp nâng cao chất lượng mô hình hỗ trợ sinh kế” năm 2024",
      "hoi-thao-giai-phap-nang-cao-chat-luong-mo-hinh-ho-tro-sinh-ke-nam-2024"],
    ["Tin tức", "tin-tuc"],
    ["Trung tâm VH,TT-TT Sa Pa", "trung-tam-vh-tt-tt-sa-pa"],
  ])("transliterates the SPEC example %j to %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("gives the same slug for NFD input as for NFC input", () => {
    const names = ["Đặng Văn Đức", "Văn hóa - Du lịch", "Hội thảo “Giải pháp” – năm 2024", "Nguyễn Thị Hường", "ỨNG DỤNG"];
    for (const name of names) {
      const nfd = name.normalize("NFD");
      expect(nfd).not.toBe(name.normalize("NFC"));
      expect(slugify(nfd)).toBe(slugify(name.normalize("NFC")));
    }
    expect(slugify("Đặng Văn Đức".normalize("NFD"))).toBe("dang-van-duc");
  });

  it("gives the same slug for an NFD macOS file name as for its NFC form", () => {
    const file = "2024-07-26-hội-thảo-sinh-kế";
    expect(slugify(file.normalize("NFD"))).toBe("2024-07-26-hoi-thao-sinh-ke");
  });

  it.each([
    ["a“b”c", "a-b-c"],
    ["a‘b’c", "a-b-c"],
    ["«a» b", "a-b"],
    ["a–b", "a-b"],
    ["a—b", "a-b"],
    ["a - b – c — d", "a-b-c-d"],
    ["don't stop", "don-t-stop"],
    ["l’école", "l-ecole"],
  ])("treats typographic quotes, dashes and apostrophes in %j as word separators", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("collapses runs of punctuation and whitespace into one hyphen", () => {
    expect(slugify("  a \t\n , ; ! ? b...c//d__e  ")).toBe("a-b-c-d-e");
  });

  it("never starts or ends with a hyphen", () => {
    expect(slugify("---Tin tức---")).toBe("tin-tuc");
    expect(slugify("“Tin tức”")).toBe("tin-tuc");
    expect(slugify("  (2024)  ")).toBe("2024");
  });

  it.each([[""], ["   "], ["“”"], ["– — - ‘’ « »"], ["!?.,;:"], ["中文"], ["🙂"], ["Ελληνικά"]])(
    "gives the empty string for %j, which has no ASCII letters or digits",
    (input) => {
      expect(slugify(input)).toBe("");
    },
  );

  it("separates words around characters with no ASCII form", () => {
    expect(slugify("Tin 中文 tức")).toBe("tin-tuc");
    expect(slugify("a中b")).toBe("a-b");
  });

  it("drops combining marks outside the common diacritics block without splitting the word", () => {
    expect(slugify("a\u1DC4b\u20D7c")).toBe("abc");
  });

  it("handles characters outside the Basic Multilingual Plane", () => {
    expect(slugify("a\u{1D400}b")).toBe("aab"); // mathematical bold A folds to A
    expect(slugify("a🙂b 🙂")).toBe("a-b");
  });

  it("lower-cases ASCII and keeps digits", () => {
    expect(slugify("ABC Def 123")).toBe("abc-def-123");
  });

  it("returns an existing slug unchanged", () => {
    expect(slugify("hoi-thao-sinh-ke-2024")).toBe("hoi-thao-sinh-ke-2024");
  });

  describe("folds every Vietnamese vowel with every tone", () => {
    // Each row: the vowel with no tone, huyền, sắc, hỏi, ngã, nặng.
    const table: [string, string][] = [
      ["aàáảãạ", "a"],
      ["ăằắẳẵặ", "a"],
      ["âầấẩẫậ", "a"],
      ["eèéẻẽẹ", "e"],
      ["êềếểễệ", "e"],
      ["iìíỉĩị", "i"],
      ["oòóỏõọ", "o"],
      ["ôồốổỗộ", "o"],
      ["ơờớởỡợ", "o"],
      ["uùúủũụ", "u"],
      ["ưừứửữự", "u"],
      ["yỳýỷỹỵ", "y"],
    ];
    it.each(table)("folds %j (lower and upper case, NFC and NFD) to %j", (letters, base) => {
      const expected = base.repeat(letters.length);
      for (const form of [letters, letters.toUpperCase()]) {
        expect(slugify(form.normalize("NFC"))).toBe(expected);
        expect(slugify(form.normalize("NFD"))).toBe(expected);
      }
    });

    it("folds the examples from the brief", () => {
      expect(slugify("ắằẳẵặ")).toBe("aaaaa");
      expect(slugify("ƯỪ")).toBe("uu");
      expect(slugify("đĐ")).toBe("dd");
    });
  });

  it.each([
    ["Straße", "strasse"],
    ["ẞ", "ss"],
    ["Æsir", "aesir"],
    ["København Ø", "kobenhavn-o"],
    ["Łódź", "lodz"],
    ["Œuvre cœur", "oeuvre-coeur"],
    ["Þór", "thor"],
    ["Ðiều", "dieu"],
    ["Crème brûlée", "creme-brulee"],
    ["Ñandú", "nandu"],
    ["ﬁnance", "finance"],
    ["Ｆｕｌｌ ｗｉｄｔｈ", "full-width"],
    ["İstanbul ılık", "istanbul-ilik"],
  ])("folds other Latin letters sensibly: %j → %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("gives the same slug for NFC and NFD forms of many titles", () => {
    for (let i = 0; i < 200; i++) {
      const title = `Hội thảo “Giải pháp” số ${i} – Đặng Văn Đức`;
      expect(slugify(title.normalize("NFD"))).toBe(slugify(title.normalize("NFC")));
    }
    expect(slugify("Hội thảo “Giải pháp” số 1 – Đặng Văn Đức".normalize("NFD"))).toBe("hoi-thao-giai-phap-so-1-dang-van-duc");
  });
});
