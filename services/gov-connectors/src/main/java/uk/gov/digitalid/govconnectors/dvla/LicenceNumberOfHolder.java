package uk.gov.digitalid.govconnectors.dvla;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import uk.gov.digitalid.commons.validation.DrivingLicenceNumbers;

/**
 * The licence number encodes the surname and birth date given with it (DVLA's layout), reported on the
 * {@code licenceNumber} field: a mistyped number is caught before DVLA is asked.
 */
@Documented
@Constraint(validatedBy = LicenceNumberOfHolder.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface LicenceNumberOfHolder {

    String message() default "does not match the surname and date of birth given";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LicenceNumberOfHolder, DrivingLicencesController.VerifyRequest> {

        @Override
        public boolean isValid(DrivingLicencesController.VerifyRequest request, ConstraintValidatorContext context) {
            if (request.licenceNumber() == null || request.surname() == null || request.dateOfBirth() == null
                    || request.licenceNumber().length() != 16) {
                return true; // the field constraints report these
            }
            if (DrivingLicenceNumbers.matchesSurname(request.licenceNumber(), request.surname())
                    && DrivingLicenceNumbers.matchesBirthDate(request.licenceNumber(), request.dateOfBirth())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("licenceNumber").addConstraintViolation();
            return false;
        }
    }
}
