// Progressive enhancement of the header on every page: on a narrow screen the search
// box, languages, account links and main menu fold behind one "Menu" button. Without
// JavaScript they all show, as on a wide screen; the stylesheet decides the width.
(function () {
    const header = document.querySelector("[data-site-header]");
    const toggle = header?.querySelector("[data-menu-toggle]");
    if (!toggle) return;
    document.documentElement.classList.add("has-menu-toggle");
    // https://www.w3.org/WAI/ARIA/apg/patterns/disclosure/
    toggle.addEventListener("click", () => {
        const open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        header.classList.toggle("site-header--open", open);
    });
})();

// On a phone the member area's tabs are one line that scrolls sideways (site.css): the
// current tab is brought into that line's view, so the member sees where they are.
(function () {
    const current = document.querySelector(".member-nav [aria-current='page']");
    const line = current?.closest("ul");
    if (!line) return;
    const item = current.closest("li");
    function showCurrent() {
        if (line.scrollWidth <= line.clientWidth) return;
        line.scrollLeft = item.offsetLeft - line.offsetLeft - (line.clientWidth - item.offsetWidth) / 2;
    }
    showCurrent();
    // A phone turned sideways, or a window narrowed, folds the tabs into the line later.
    window.addEventListener("resize", showCurrent);
})();
