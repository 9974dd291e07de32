package uk.gov.digitalid.commons.security;

/** Masks for personal identifiers in logs and messages: enough to correlate, not enough to identify. */
public final class PersonalData {

    private PersonalData() {
    }

    /** {@code AB123456C} → {@code AB12****C}. */
    public static String maskNino(String nino) {
        return mask(nino, 4, 1);
    }

    /** {@code MORGA753116SM9IJ} → {@code MORGA*********IJ}: the surname code and check characters stay. */
    public static String maskLicenceNumber(String licenceNumber) {
        return mask(licenceNumber, 5, 2);
    }

    static String mask(String value, int keepStart, int keepEnd) {
        if (value == null) {
            return null;
        }
        if (value.length() <= keepStart + keepEnd) {
            return "*".repeat(value.length());
        }
        return value.substring(0, keepStart) + "*".repeat(value.length() - keepStart - keepEnd) + value.substring(value.length() - keepEnd);
    }
}
