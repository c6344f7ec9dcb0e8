/*
 * The low-vision version: text size, colours, images and letter spacing, chosen in the header.
 *
 * The choice is kept in localStorage and applied as classes on <html> before the page is
 * painted (this file is loaded in <head>), so the HTML stays the same for every visitor and
 * the anonymous page cache keeps working. Without JavaScript the switch stays hidden.
 */
(function () {
    "use strict";

    var KEY = "baspasoz-low-vision";
    var SETTINGS = {
        font: { "1": "lv-font-1", "2": "lv-font-2" },
        contrast: { "black-on-white": "lv-black-on-white", "white-on-black": "lv-white-on-black" },
        images: { off: "lv-no-images" },
        spacing: { wide: "lv-spacing" },
    };
    var root = document.documentElement;

    function read() {
        var stored = {};
        try {
            stored = JSON.parse(window.localStorage.getItem(KEY) || "{}") || {};
        } catch (error) {
            stored = {};
        }
        var choice = {};
        Object.keys(SETTINGS).forEach(function (name) {
            var value = String(stored[name] || "");
            choice[name] = Object.prototype.hasOwnProperty.call(SETTINGS[name], value) ? value : "";
        });
        return choice;
    }

    function apply(choice) {
        Object.keys(SETTINGS).forEach(function (name) {
            Object.keys(SETTINGS[name]).forEach(function (value) {
                root.classList.toggle(SETTINGS[name][value], choice[name] === value);
            });
        });
    }

    function save(choice) {
        try {
            window.localStorage.setItem(KEY, JSON.stringify(choice));
        } catch (error) {
            // Storage refused (private mode): the choice holds for this page only.
        }
    }

    function showPressed(panel, choice) {
        panel.querySelectorAll("[data-low-vision]").forEach(function (button) {
            var name = button.getAttribute("data-low-vision");
            var value = button.getAttribute("data-value") === "0" ? "" : button.getAttribute("data-value");
            button.setAttribute("aria-pressed", String(choice[name] === value));
        });
    }

    var choice = read();
    apply(choice);

    document.addEventListener("DOMContentLoaded", function () {
        var panel = document.getElementById("low-vision");
        if (!panel) {
            return;
        }
        panel.hidden = false;
        showPressed(panel, choice);
        panel.addEventListener("click", function (event) {
            var button = event.target.closest("button");
            if (!button || !panel.contains(button)) {
                return;
            }
            if (button.hasAttribute("data-low-vision-reset")) {
                Object.keys(choice).forEach(function (name) {
                    choice[name] = "";
                });
            } else if (button.hasAttribute("data-low-vision")) {
                var value = button.getAttribute("data-value");
                choice[button.getAttribute("data-low-vision")] = value === "0" ? "" : value;
            } else {
                return;
            }
            apply(choice);
            save(choice);
            showPressed(panel, choice);
        });
    });
})();
