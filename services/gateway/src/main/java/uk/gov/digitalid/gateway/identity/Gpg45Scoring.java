package uk.gov.digitalid.gateway.identity;

/**
 * Turns the outcome of the government record checks into GPG 45-style scores and a confidence
 * level. A simplified, documented mapping for this template, not a certified GPG 45 profile:
 *
 * <pre>
 * checks that passed            strength validity verification activity fraud  confidence
 * HMRC individual match             2        2          2           1       1       P1 (low)
 * DVLA driving licence              3        2          2           0       1       P1 (low)
 * both, with consistent details     3        2          3           1       2       P2 (medium)
 * any check failed                  0        0          0           0       0       P0 (none)
 * </pre>
 *
 * The licence is a photo document issued after checks (strength 3); an HMRC record match confirms
 * an identity with a history (activity 1). Two independent sources that agree raise verification
 * and the identity fraud score.
 */
public final class Gpg45Scoring {

    /** Scores and confidence of one verification. */
    public record Scores(int strength, int validity, int verification, int activityHistory, int identityFraud, String confidence) {

        public boolean verified() {
            return !"P0".equals(confidence);
        }
    }

    public static final Scores NONE = new Scores(0, 0, 0, 0, 0, "P0");

    private Gpg45Scoring() {
    }

    public static Scores score(Boolean hmrcMatched, Boolean licenceValid) {
        boolean hmrcAsked = hmrcMatched != null;
        boolean dvlaAsked = licenceValid != null;
        if ((hmrcAsked && !hmrcMatched) || (dvlaAsked && !licenceValid) || (!hmrcAsked && !dvlaAsked)) {
            return NONE;
        }
        if (hmrcAsked && dvlaAsked) {
            return new Scores(3, 2, 3, 1, 2, "P2");
        }
        return hmrcAsked ? new Scores(2, 2, 2, 1, 1, "P1") : new Scores(3, 2, 2, 0, 1, "P1");
    }
}
