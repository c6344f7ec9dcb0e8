// Once a passkey is registered, go on to the next step (recovery codes, or the refreshed list).
document.addEventListener("otp_webauthn.register_complete", () => {
  const next = document.querySelector("[data-staff-auth-after-passkey]");
  if (next) {
    window.location.assign(next.dataset.staffAuthAfterPasskey);
  }
});
