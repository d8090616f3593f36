// "All sources": buttons that show only the sources of one venue (press, scholarly, ...).
// Without JavaScript the buttons stay hidden and every source is listed.
document$.subscribe(function () {
  var filter = document.querySelector(".venue-filter");
  if (!filter) return;
  filter.hidden = false;
  var buttons = filter.querySelectorAll("button");
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      var venue = button.getAttribute("data-venue");
      buttons.forEach(function (other) {
        other.setAttribute("aria-pressed", other === button ? "true" : "false");
      });
      document.querySelectorAll("ul.sources > li").forEach(function (item) {
        item.hidden = venue !== "" && item.getAttribute("data-venue") !== venue;
      });
    });
  });
});
