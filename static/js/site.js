/* Small enhancements of server-rendered pages; every page works without them.

   1. In-page search of a long register: <form data-filter="#register"> filters the [data-filter-item] rows of the
   register as one types; a [data-filter-group] (a section) hides when none of its rows matches and its own
   [data-filter-text] does not either. Without JavaScript the form is a plain search of all public registers.
   2. A table wider than the screen scrolls inside its .table-wrap: the wrapper becomes focusable (and named after
      the table's caption) so that a keyboard user can scroll it too. */
(function () {
  function fold(text) {
    // As boundaries/lookup.py folds: full-width to half-width, case, and 杆/秆/干 written alike.
    return text.normalize("NFKC").toLowerCase().replace(/[秆干]/g, "杆");
  }
  function words(query) {
    return fold(query).split(/[\s,，、;；。]+/).filter(Boolean);
  }
  function matches(element, terms) {
    var text = fold(element.textContent);
    return terms.every(function (t) { return text.indexOf(t) >= 0; });
  }
  function setUp(form) {
    var register = document.querySelector(form.getAttribute("data-filter"));
    var input = form.querySelector("input[type=search]");
    var status = form.querySelector("[data-filter-status]");
    if (!register || !input) return;
    function apply() {
      var terms = words(input.value);
      var shown = 0;
      register.querySelectorAll("[data-filter-group]").forEach(function (group) {
        var own = group.querySelector("[data-filter-text]");
        var whole = terms.length && own && matches(own, terms);
        var any = false;
        group.querySelectorAll("[data-filter-item]").forEach(function (item) {
          var show = !terms.length || whole || matches(item, terms);
          item.hidden = !show;
          if (show) { any = true; shown += 1; }
        });
        group.hidden = !(any || whole || !terms.length);
      });
      if (!terms.length) {
        status.textContent = "";
      } else if (shown) {
        status.textContent = "本表中有 " + shown + " 项与“" + input.value.trim() + "”相符。";
      } else {
        status.textContent = "本表中没有与“" + input.value.trim() + "”相符的事项；按回车在全部公开登记表中查找。";
      }
    }
    input.addEventListener("input", apply);
    form.addEventListener("submit", function (event) {
      if (register.querySelector("[data-filter-item]:not([hidden])")) {
        event.preventDefault();  // found on this page: stay here; otherwise the form searches every register
        apply();
      }
    });
    apply();
  }
  function focusableScroll(wrap) {
    if (wrap.hasAttribute("tabindex") || wrap.scrollWidth <= wrap.clientWidth) return;
    var caption = wrap.querySelector("caption");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "表格（可左右滚动）");
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-filter]").forEach(setUp);
    document.querySelectorAll(".table-wrap").forEach(focusableScroll);
  });
})();
