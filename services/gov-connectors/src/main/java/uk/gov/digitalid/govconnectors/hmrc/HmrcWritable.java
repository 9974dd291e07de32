package uk.gov.digitalid.govconnectors.hmrc;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A name that {@link HmrcNames} can write in the Latin letters HMRC's matching takes. {@code null} is valid. */
@Documented
@Constraint(validatedBy = HmrcWritable.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface HmrcWritable {

    String message() default "cannot be written in the Latin letters HMRC matches on";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HmrcWritable, String> {

        @Override
        public boolean isValid(String name, ConstraintValidatorContext context) {
            return name == null || name.isBlank() || HmrcNames.of(name).isPresent();
        }
    }
}
