/*
 * gazette — the "Visits" block: reads GoatCounter's public counter JSON
 * (`/counter/TOTAL.json`, `{"count": "1,234"}`) for this month, this year
 * and all time, and shows the numbers in the page's language. Each number
 * stays "–" when the counter cannot be read (enable "Allow adding visitor
 * counts on your website" in GoatCounter's settings).
 */
(function () {
  var box = document.querySelector("[data-goatcounter]");
  if (!box || !window.fetch) return;
  var base = box.getAttribute("data-goatcounter").replace(/\/+$/, "");
  var now = new Date();
  var month = String(now.getMonth() + 1);
  if (month.length < 2) month = "0" + month;
  var starts = { month: now.getFullYear() + "-" + month + "-01", year: now.getFullYear() + "-01-01", total: "" };
  var language = document.documentElement.lang || undefined;
  Array.prototype.forEach.call(box.querySelectorAll("[data-visits]"), function (cell) {
    var start = starts[cell.getAttribute("data-visits")];
    fetch(base + "/counter/TOTAL.json" + (start ? "?start=" + start : ""), { credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        var digits = data && String(data.count).replace(/[^0-9]/g, "");
        if (digits) cell.textContent = Number(digits).toLocaleString(language);
      })
      .catch(function () {});
  });
})();
