// Progressive enhancement of the request forms; everything works without it.
(function () {
    "use strict";
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }
    var form = document.querySelector("[data-request-form]");
    if (!form) {
        return;
    }
    // Show the legal entity's fields only to a legal entity.
    var section = form.querySelector("[data-requester-section]");
    var radios = form.querySelectorAll("input[name='requester_type']");
    function toggle() {
        if (!section) {
            return;
        }
        var checked = form.querySelector("input[name='requester_type']:checked");
        section.hidden = !checked || checked.value !== section.getAttribute("data-requester-section");
    }
    radios.forEach(function (radio) {
        radio.addEventListener("change", toggle);
    });
    toggle();
    // One click, one request: the server also ignores a second submission of the same form.
    form.addEventListener("submit", function () {
        var button = form.querySelector("[data-submit]");
        window.setTimeout(function () {
            button.disabled = true;
            button.setAttribute("aria-disabled", "true");
        }, 0);
    });
})();
