package uk.gov.digitalid.portal.security;

/** The page needs a signed-in citizen and there is none (no cookie, or the gateway ended the session). */
public class SignInRequired extends RuntimeException {

    public SignInRequired() {
        super("sign in required", null, false, false);
    }
}
