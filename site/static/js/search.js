// Progressive enhancement of the search form: it works as a plain GET form; with
// JavaScript it submits itself when a filter changes (so the URL stays shareable)
// and offers autocomplete from /api/v1/suggest/.
(function () {
    const form = document.querySelector("[data-search-form]");
    if (!form) return;
    form.addEventListener("change", (event) => {
        if (event.target.matches("input[type=checkbox], select")) form.requestSubmit();
    });
    const input = form.querySelector("[data-suggest-url]");
    const list = document.getElementById("search-suggestions");
    let timer;
    input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
            const text = input.value.trim();
            if (text.length < 2) { list.hidden = true; return; }
            const url = `${input.dataset.suggestUrl}?q=${encodeURIComponent(text)}&ui_language=${input.dataset.uiLanguage}`;
            const response = await fetch(url);
            if (!response.ok) return;
            const { suggestions } = await response.json();
            list.replaceChildren(...suggestions.map((item) => {
                const option = document.createElement("li");
                option.setAttribute("role", "option");
                const link = document.createElement("a");
                link.href = item.url;
                link.textContent = item.text;
                option.append(link);
                return option;
            }));
            list.hidden = suggestions.length === 0;
        }, 150);
    });
})();
