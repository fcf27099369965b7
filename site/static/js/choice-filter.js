// A search box above each list whose checkboxes carry data-choice-filter, the box's
// label (core/choice_filter.py; Django puts a widget's attributes on each input):
// typing hides the choices whose label does not contain the text; ticked choices
// come first and stay visible so the editor sees what is chosen.
(function () {
  function enhance(list, labelText) {
    if (!list || list.dataset.choiceFilterReady) {
      return;
    }
    list.dataset.choiceFilterReady = "1";
    var label = document.createElement("label");
    var input = document.createElement("input");
    input.type = "search";
    input.id = list.id + "_filter";
    label.htmlFor = input.id;
    label.textContent = labelText;
    list.parentNode.insertBefore(label, list);
    list.parentNode.insertBefore(input, list);
    // Hundreds of cities would push the rest of the tab thousands of pixels down: the
    // list scrolls in a box of its own, the ticked choices first, where they are seen.
    list.style.maxHeight = "20rem";
    list.style.overflowY = "auto";
    Array.prototype.slice.call(list.querySelectorAll("input:checked")).reverse().forEach(function (box) {
      var item = box.closest("li, div");
      if (item && item !== list && item.parentNode) {
        item.parentNode.insertBefore(item, item.parentNode.firstChild);
      }
    });
    input.addEventListener("input", function () {
      var text = input.value.trim().toLocaleLowerCase();
      list.querySelectorAll("label").forEach(function (choice) {
        var box = choice.querySelector("input");
        var shown = !text || (box && box.checked) || choice.textContent.toLocaleLowerCase().indexOf(text) !== -1;
        (choice.closest("li, div") || choice).hidden = !shown;
      });
    });
  }
  function enhanceAll() {
    document.querySelectorAll("input[data-choice-filter]").forEach(function (box) {
      // Django numbers the inputs after the list's id: id_further_cities_0, _1...
      enhance(document.getElementById(box.id.replace(/_\d+$/, "")), box.dataset.choiceFilter);
    });
  }
  document.addEventListener("DOMContentLoaded", enhanceAll);
  // Wagtail builds some panels after the page has loaded.
  window.addEventListener("load", enhanceAll);
})();
