// Progressive enhancement of the search form, which works as a plain GET form. With
// JavaScript the search box offers suggestions from /api/v1/suggest/, a filter or
// sort change updates the results in place, keeping the URL shareable and the
// keyboard focus where it was, and on a narrow screen the filters open in a drawer
// so that the results come first.
(function () {
    const form = document.querySelector("[data-search-form]");
    if (!form) return;
    reportOpenedResults(form);
    offerSuggestions(form.querySelector("[role=combobox]"));
    const region = form.querySelector("[data-search-results]");
    if (region) {
        updateInPlace(form, region);
        offerFilterDrawer(form, region);
    }

    // The ARIA 1.2 combobox, "list autocomplete" kind: focus stays in the box and
    // aria-activedescendant names the option the arrows point at.
    // https://www.w3.org/WAI/ARIA/apg/patterns/combobox/
    function offerSuggestions(input) {
        const list = document.getElementById(input.getAttribute("aria-controls"));
        const options = () => [...list.children];
        let timer;
        let active = -1;

        function show(suggestions) {
            list.replaceChildren(...suggestions.map((item, position) => {
                const option = document.createElement("li");
                option.id = `${list.id}-${position}`;
                option.setAttribute("role", "option");
                option.dataset.url = item.url;
                option.textContent = item.text;
                // The template renders the type names in the interface language.
                const typeLabel = list.getAttribute(`data-label-${item.type}`);
                if (typeLabel) {
                    const type = document.createElement("span");
                    type.className = "suggestion__type";
                    type.textContent = typeLabel;
                    option.append(" ", type);
                }
                return option;
            }));
            activate(-1);
            list.hidden = suggestions.length === 0;
            input.setAttribute("aria-expanded", String(!list.hidden));
        }

        function close() {
            clearTimeout(timer);
            show([]);
        }

        function activate(position) {
            active = position;
            options().forEach((option, index) => option.setAttribute("aria-selected", String(index === active)));
            if (active < 0) {
                input.removeAttribute("aria-activedescendant");
            } else {
                input.setAttribute("aria-activedescendant", options()[active].id);
                options()[active].scrollIntoView({ block: "nearest" });
            }
        }

        input.addEventListener("input", () => {
            clearTimeout(timer);
            timer = setTimeout(async () => {
                const text = input.value.trim();
                if (text.length < 2) return close();
                const url = `${input.dataset.suggestUrl}?q=${encodeURIComponent(text)}&ui_language=${input.dataset.uiLanguage}`;
                const response = await fetch(url);
                // Suggestions are a convenience: without them the box still searches.
                if (!response.ok) return close();
                const { suggestions } = await response.json();
                // An answer to words since changed, or to a box since left, is stale.
                if (input.value.trim() === text && document.activeElement === input) show(suggestions);
            }, 150);
        });

        input.addEventListener("keydown", (event) => {
            const count = options().length;
            if (event.key === "ArrowDown" && count) {
                event.preventDefault();
                activate((active + 1) % count);
            } else if (event.key === "ArrowUp" && count) {
                event.preventDefault();
                activate(active <= 0 ? count - 1 : active - 1);
            } else if (event.key === "Enter" && active >= 0) {
                // Without an active option, Enter submits the search as typed.
                event.preventDefault();
                window.location.assign(options()[active].dataset.url);
            } else if (event.key === "Escape") {
                // A first Escape only closes the list; a second clears the box.
                event.preventDefault();
                if (list.hidden) input.value = "";
                close();
            }
        });

        // Pressing an option would otherwise move focus off the box, whose blur
        // closes the list before the click lands.
        list.addEventListener("mousedown", (event) => event.preventDefault());
        list.addEventListener("click", (event) => {
            const option = event.target.closest("[role=option]");
            if (option) window.location.assign(option.dataset.url);
        });
        // Clicking anywhere else also blurs the box.
        input.addEventListener("blur", close);
    }

    // Ticking a filter or choosing a sort loads the page the form would load, but
    // swaps only the results and filters, so focus stays on the control used (WCAG
    // 2.4.3, 3.2.2). https://developer.mozilla.org/en-US/docs/Web/API/History_API
    function updateInPlace(form, region) {
        const status = region.querySelector("[role=status]");
        let shown = window.location.search;
        let pending;

        async function load(url) {
            pending?.abort();
            pending = new AbortController();
            const response = await fetch(url, { signal: pending.signal });
            if (!response.ok) throw new Error(`${url} answered ${response.status}`);
            // DOMParser never runs the scripts of the page it parses.
            const page = new DOMParser().parseFromString(await response.text(), "text/html");
            const fresh = page.querySelector("[data-search-results]");
            const focused = document.activeElement?.id;
            swapAround(status, fresh.querySelector("[role=status]"));
            shown = new URL(url).search;
            region.dispatchEvent(new Event("search:updated"));
            if (focused) document.getElementById(focused)?.focus();
        }

        // Everything is replaced but the live region and its ancestors: a screen
        // reader announces a change in a live region, not a new live region.
        function swapAround(kept, fresh) {
            kept.textContent = fresh.textContent;
            for (; kept !== region; kept = kept.parentElement, fresh = fresh.parentElement) {
                const siblings = [...fresh.parentNode.childNodes];
                const at = siblings.indexOf(fresh);
                [...kept.parentNode.childNodes].forEach((node) => node !== kept && node.remove());
                kept.before(...siblings.slice(0, at));
                kept.after(...siblings.slice(at + 1));
            }
        }

        function failed(error, fallBack) {
            // A newer change superseded this one.
            if (error.name === "AbortError") return;
            console.error(error);
            fallBack();
        }

        form.addEventListener("change", (event) => {
            if (!event.target.matches("input[type=checkbox], select")) return;
            const url = new URL(form.action);
            url.search = new URLSearchParams(new FormData(form));
            load(url.href).then(
                () => window.history.pushState(null, "", url),
                (error) => failed(error, () => form.submit()),
            );
        });

        // Back and Forward show the results of that URL; a change of #fragment alone
        // (the skip link) keeps them.
        window.addEventListener("popstate", () => {
            if (window.location.search === shown) return;
            form.elements.q.value = new URLSearchParams(window.location.search).get("q") ?? "";
            load(window.location.href).catch((error) => failed(error, () => window.location.reload()));
        });
    }

    // Opening a result (a click, or a middle click for a new tab) tells the editors'
    // analytics its rank in this search: a beacon that the browser sends even as it
    // leaves the page, and that carries no cookie-bound identifier, only the search's
    // signed token (searchstats/). Listening on the form survives the in-place swaps.
    // https://developer.mozilla.org/en-US/docs/Web/API/Navigator/sendBeacon
    function reportOpenedResults(form) {
        function opened(event) {
            const link = event.target.closest("a[data-rank]");
            const list = link?.closest("[data-search-record]");
            if (!list || !navigator.sendBeacon) return;
            navigator.sendBeacon(list.dataset.openedUrl, new URLSearchParams({
                search: list.dataset.searchRecord,
                rank: link.dataset.rank,
                page: link.dataset.page,
            }));
        }
        form.addEventListener("click", opened);
        form.addEventListener("auxclick", (event) => event.button === 1 && opened(event));
    }

    // The stylesheet shows the "Filters" button and hides the filters on a narrow
    // screen only once this script runs; the drawer's state sits on the region,
    // which outlives the swaps of its content.
    // https://www.w3.org/WAI/ARIA/apg/patterns/disclosure/
    function offerFilterDrawer(form, region) {
        document.documentElement.classList.add("has-filter-drawer");
        const opener = () => region.querySelector("[data-filters-open]");
        const isOpen = () => region.classList.contains("filters-open");

        function setOpen(open) {
            region.classList.toggle("filters-open", open);
            document.documentElement.classList.toggle("filter-drawer-open", open);
            opener()?.setAttribute("aria-expanded", String(open));
        }

        function close() {
            setOpen(false);
            opener()?.focus();
        }

        // The form as it would submit now, against the results on show.
        const applied = () =>
            new URLSearchParams(new FormData(form)).toString() === new URLSearchParams(window.location.search).toString();

        region.addEventListener("click", (event) => {
            if (event.target.closest("[data-filters-open]")) {
                setOpen(true);
                region.querySelector("[data-filters-close]").focus();
            } else if (event.target.closest("[data-filters-close]")) {
                close();
            } else if (event.target.closest("[data-filters-apply]") && isOpen() && applied()) {
                // Ticked boxes already updated the results: "Show N results" only
                // closes the drawer; a changed year still submits the form.
                event.preventDefault();
                close();
            }
        });
        region.addEventListener("keydown", (event) => {
            if (event.key === "Escape" && isOpen()) close();
        });
        region.addEventListener("search:updated", () => setOpen(isOpen()));
    }
})();
