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
