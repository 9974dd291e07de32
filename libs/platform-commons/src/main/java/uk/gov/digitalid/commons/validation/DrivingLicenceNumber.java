package uk.gov.digitalid.commons.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The 16-character number of a GB (DVLA) driving licence, by its layout: five surname characters
 * (padded with 9), the decade digit of the birth year, the birth month (plus 50 for women), the day,
 * the year digit, two initials (9 when there is no middle initial), an arbitrary digit and two check
 * characters. Whether it belongs to a given surname and birth date is {@link DrivingLicenceNumbers}'
 * job. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Pattern(regexp = DrivingLicenceNumber.PATTERN)
public @interface DrivingLicenceNumber {

    String PATTERN = "[A-Z][A-Z9]{4}[0-9](0[1-9]|1[0-2]|5[1-9]|6[0-2])(0[1-9]|[12][0-9]|3[01])[0-9][A-Z][A-Z9][0-9][A-Z0-9]{2}";

    String message() default "must be the 16-character number from a GB driving licence";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
