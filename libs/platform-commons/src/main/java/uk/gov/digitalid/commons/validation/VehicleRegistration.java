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
 * A UK vehicle registration mark in one of its formats, upper case without spaces: current (AB12CDE),
 * prefix (A123BCD), suffix (ABC123D) and dateless, including Northern Ireland's (ABC1234, 1234AB).
 * {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Pattern(regexp = VehicleRegistration.PATTERN)
public @interface VehicleRegistration {

    String PATTERN = "[A-Z]{2}[0-9]{2}[A-Z]{3}|[A-Z][0-9]{1,3}[A-Z]{3}|[A-Z]{3}[0-9]{1,3}[A-Z]|[A-Z]{1,3}[0-9]{1,4}|[0-9]{1,4}[A-Z]{1,3}";

    String message() default "must be a UK registration number like AB12CDE";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
