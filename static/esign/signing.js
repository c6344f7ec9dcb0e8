// The signing step of the public forms (requests, accreditation applications): NCALayer signs
// the document the server issued, as a detached CMS with a timestamp, and the form sends the
// signature back to be verified. The form may word its "sending" line in data-sending-text.
// Uses ncalayer-js-client (static/vendor/ncalayer-js-client, MIT) and the JavaScript catalog.
(function () {
    "use strict";
    var form = document.querySelector("[data-signing-form]");
    if (!form || !window.NCALayerClient) {
        return;
    }
    var gettext = window.gettext || function (text) { return text; };
    var button = form.querySelector("[data-sign-button]");
    var problem = form.querySelector("[data-sign-problem]");
    var problemText = form.querySelector("[data-sign-problem-text]");
    var status = form.querySelector("[data-sign-status]");
    var languages = { kk: "kk", ru: "ru", en: "en" };
    var locale = languages[(document.documentElement.lang || "ru").slice(0, 2)] || "ru";
    var NOT_RUNNING = "not-running";

    function say(text) {
        status.textContent = text;
    }

    function fail(text, link) {
        say("");
        problemText.textContent = text + " ";
        if (link) {
            var anchor = document.createElement("a");
            anchor.href = "https://pki.gov.kz/ncalayer/";
            anchor.textContent = gettext("Get NCALayer at pki.gov.kz");
            problemText.appendChild(anchor);
        }
        problem.hidden = false;
        problem.focus();
        button.disabled = false;
    }

    function sign() {
        var client = new window.NCALayerClient();
        var Client = window.NCALayerClient;
        var signer = { extKeyUsageOids: ["1.3.6.1.5.5.7.3.4"], iin: "", bin: "", serialNumber: "" };
        problem.hidden = true;
        button.disabled = true;
        say(gettext("Connecting to NCALayer…"));
        client.connect().catch(function () {
            throw NOT_RUNNING;
        }).then(function () {
            say(gettext("Choose your signing key in the NCALayer window."));
            return client.basicsSignCMS(
                Client.basicsStorageAll,
                form.querySelector("[data-document]").value,
                Client.basicsCMSParamsDetached,
                signer,
                locale
            );
        }).then(function (signature) {
            if (!signature) {
                throw new Error("empty");
            }
            form.querySelector("[data-signature]").value = signature;
            say(form.getAttribute("data-sending-text") || gettext("Signed. Sending the request…"));
            button.disabled = false;
            if (form.requestSubmit) {
                form.requestSubmit(button);
            } else {
                button.hidden = true;
                var step = document.createElement("input");
                step.type = "hidden";
                step.name = "step";
                step.value = button.value;
                form.appendChild(step);
                form.submit();
            }
        }).catch(function (error) {
            if (error === NOT_RUNNING) {
                fail(gettext("NCALayer is not running on this computer. Start NCALayer (or install it) and try again."), true);
            } else if (error && error.canceledByUser) {
                fail(gettext("Signing was cancelled. Nothing was sent: you can sign again when you are ready."));
            } else {
                fail(gettext("NCALayer could not sign: no suitable key was found. Use your signing key (RSA or GOSTKNCA, not AUTH), an ID card or a token, and check that the certificate is valid."));
            }
        });
    }

    button.hidden = false;
    form.addEventListener("submit", function (event) {
        var submitter = event.submitter;
        var signature = form.querySelector("[data-signature]").value;
        if (submitter === button && !signature) {
            event.preventDefault();
            sign();
        }
    });
})();
