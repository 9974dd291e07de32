package uk.gov.digitalid.commons.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.digitalid.commons.security.PersonalData;

class IdentifierValidationTest {

    record Nino(@NationalInsuranceNumber String value) {
    }

    record Licence(@DrivingLicenceNumber String value) {
    }

    record Registration(@VehicleRegistration String value) {
    }

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @ParameterizedTest
    @ValueSource(strings = {"AB123456C", "NA000799C", "CE123456D", "JG103759A"})
    void allocatableNinosAreAccepted(String nino) {
        assertThat(validator.validate(new Nino(nino))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DA123456A", "AD123456A", "AO123456A", "QQ123456A", "BG123456A", "GB123456A", "NK123456A", "TN123456A",
            "ZZ123456A", "AB123456E", "AB12345C", "ab123456c", "AB 12 34 56 C", ""})
    void unallocatableOrMalformedNinosAreRefused(String nino) {
        assertThat(validator.validate(new Nino(nino))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MORGA753116SM9IJ", "TCAEU610267NO9EK", "LQZVJ603206B99ZY", "LOVEL812105A99AB", "NG999812105A99AB"})
    void licenceNumbersInTheDvlaLayoutAreAccepted(String number) {
        assertThat(validator.validate(new Licence(number))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MORGA753116SM9I", "MORGA713116SM9IJ", "MORGA753326SM9IJ", "MORGA750016SM9IJ", "9ORGA753116SM9IJ",
            "MORGA75311699X9IJ", "morga753116sm9ij"})
    void licenceNumbersOutOfLayoutAreRefused(String number) {
        assertThat(validator.validate(new Licence(number))).hasSize(1);
    }

    @Test
    void licenceNumberEncodesSurnameAndBirthDate() {
        assertThat(DrivingLicenceNumbers.matchesSurname("MORGA753116SM9IJ", "Morgan")).isTrue();
        assertThat(DrivingLicenceNumbers.matchesBirthDate("MORGA753116SM9IJ", LocalDate.of(1976, 3, 11))).as("woman: month + 50").isTrue();
        assertThat(DrivingLicenceNumbers.matchesBirthDate("TCAEU610267NO9EK", LocalDate.of(1967, 10, 26))).isTrue();
        assertThat(DrivingLicenceNumbers.matchesSurname("NG999812105A99AB", "Ng")).as("padded with 9").isTrue();
        assertThat(DrivingLicenceNumbers.matchesSurname("MCDON812105A99AB", "MacDonald")).as("Mac written Mc").isTrue();
        assertThat(DrivingLicenceNumbers.matchesSurname("OBRIE812105A99AB", "O'Brien")).as("letters only").isTrue();

        assertThat(DrivingLicenceNumbers.matchesSurname("MORGA753116SM9IJ", "Morris")).isFalse();
        assertThat(DrivingLicenceNumbers.matchesBirthDate("MORGA753116SM9IJ", LocalDate.of(1976, 3, 12))).isFalse();
        assertThat(DrivingLicenceNumbers.matchesBirthDate("MORGA753116SM9IJ", LocalDate.of(1986, 3, 11))).isFalse();
        assertThat(DrivingLicenceNumbers.matchesBirthDate("MORGA753116SM9IJ", LocalDate.of(1976, 4, 11))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AA19AAA", "L2WPS", "ER19BAD", "A123BCD", "ABC123D", "ABC1234", "1234AB", "K1"})
    void ukRegistrationFormatsAreAccepted(String registration) {
        assertThat(validator.validate(new Registration(registration))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AA19 AAA", "AA19AAAA", "12345", "ABCD123", "aa19aaa", "AA19AA-"})
    void otherRegistrationsAreRefused(String registration) {
        assertThat(validator.validate(new Registration(registration))).isNotEmpty();
    }

    @Test
    void personalIdentifiersAreMaskedForLogs() {
        assertThat(PersonalData.maskNino("AB123456C")).isEqualTo("AB12****C");
        assertThat(PersonalData.maskLicenceNumber("MORGA753116SM9IJ")).isEqualTo("MORGA*********IJ");
        assertThat(PersonalData.maskNino("AB1")).isEqualTo("***");
    }
}
