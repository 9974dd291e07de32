package uk.gov.digitalid.commons.validation;

import java.time.LocalDate;
import java.util.Locale;

/** Checks that a driving licence number encodes the surname and birth date it is presented with. */
public final class DrivingLicenceNumbers {

    private DrivingLicenceNumbers() {
    }

    /** The first five characters: the surname's letters, upper case, "MAC" written "MC", padded with 9. */
    public static String surnameCode(String surname) {
        String letters = surname.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        if (letters.startsWith("MAC")) {
            letters = "MC" + letters.substring(3);
        }
        StringBuilder code = new StringBuilder(letters.length() > 5 ? letters.substring(0, 5) : letters);
        while (code.length() < 5) {
            code.append('9');
        }
        return code.toString();
    }

    public static boolean matchesSurname(String licenceNumber, String surname) {
        return licenceNumber.length() == 16 && licenceNumber.startsWith(surnameCode(surname));
    }

    /** Characters 6 to 11: decade digit, month (plus 50 for women), day, year digit. */
    public static boolean matchesBirthDate(String licenceNumber, LocalDate dateOfBirth) {
        if (licenceNumber.length() != 16) {
            return false;
        }
        String digits = licenceNumber.substring(5, 11);
        if (!digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int year = dateOfBirth.getYear() % 100;
        int month = Integer.parseInt(digits.substring(1, 3));
        return digits.charAt(0) - '0' == year / 10
                && (month == dateOfBirth.getMonthValue() || month == dateOfBirth.getMonthValue() + 50)
                && Integer.parseInt(digits.substring(3, 5)) == dateOfBirth.getDayOfMonth()
                && digits.charAt(5) - '0' == year % 10;
    }
}
