package uk.gov.digitalid.webpages.security;

/** The page needs a signed-in person and there is none (no cookie, or the gateway ended the session). */
public class SignInRequired extends RuntimeException {

    public SignInRequired() {
        super("sign in required", null, false, false);
    }
}
