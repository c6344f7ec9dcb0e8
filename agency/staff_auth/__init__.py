"""Staff sign-in security for the admin: a second factor, lockout and idle sessions.

After the password, a member of staff proves a second factor before any admin screen: a code
from an authenticator app (TOTP, RFC 6238), a passkey (WebAuthn) or a one-time recovery code.
Without a factor yet, the first sign-in leads through enrolment. The pieces:

- :mod:`.factors`: the factors a user holds (django-otp devices) and what is done with them;
- :mod:`.middleware`: the second-factor gate on the admin, and the idle limit of staff sessions;
- :mod:`.views`: enrolment, verification and the user's own recovery codes and passkeys;
- :mod:`.administration`: the administrators' reset of a colleague's factors and the list of
  locked sign-ins (django-axes), each action written to Wagtail's audit log;
- :mod:`.passkeys`: the relying party that passkeys are bound to.

Failed password sign-ins are counted per account and per address by django-axes (settings
``AXES_*``); wrong codes slow down per factor (django-otp's throttling).
"""
