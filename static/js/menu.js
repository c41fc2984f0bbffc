/* The staff menu on a phone: folded behind its button (aria-expanded), open on wider screens.
   Loaded synchronously right after the menu, so a phone never paints it open first. */
(function () {
  var nav = document.currentScript.parentElement;
  var button = nav.querySelector(".menu-toggle");
  var list = document.getElementById(button.getAttribute("aria-controls"));
  var phone = window.matchMedia("(max-width: 37.5rem)");
  function show(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    list.hidden = !open;
  }
  function fit() {
    button.hidden = !phone.matches;
    show(!phone.matches);
  }
  button.addEventListener("click", function () {
    show(button.getAttribute("aria-expanded") !== "true");
  });
  phone.addEventListener("change", fit);
  fit();
})();
