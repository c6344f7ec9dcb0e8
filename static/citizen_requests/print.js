// The acknowledgement's Print button: shown only when scripts run, as it needs one.
(function () {
    "use strict";
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            window.print();
        });
    });
})();
