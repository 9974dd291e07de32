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
 * A National Insurance number by HMRC's allocation rules (NIM39110): two prefix letters, neither
 * D, F, I, Q, U or V and the second not O; not the unallocated prefixes BG, GB, KN, NK, NT, TN or ZZ;
 * six digits; suffix A to D. Upper case, no spaces: normalise before validating. {@code null} is valid
 * (pair with {@code @NotBlank}).
 */
@Documented
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Pattern(regexp = NationalInsuranceNumber.PATTERN)
public @interface NationalInsuranceNumber {

    String PATTERN = "(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]";

    String message() default "must be a National Insurance number like AB123456C";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
