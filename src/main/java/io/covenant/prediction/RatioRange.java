package io.covenant.prediction;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A request's ratio lies in the range of AccuNode's CHECK constraint, which {@link Ratio} holds for both commands, the
 * upload and training alike: outside it the field is refused with {@code must be between <min> and <max>}, and the API
 * description shows the range as the field's minimum and maximum ({@link RatioRangeSchemas}). A missing ratio is valid.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RatioRange.Validator.class)
@interface RatioRange {

    Ratio value();

    String message() default "must be within the ratio's range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a value against its ratio's range and names the range in the message. */
    final class Validator implements ConstraintValidator<RatioRange, BigDecimal> {

        // Replaced by initialize, which runs before any isValid.
        private Ratio ratio = Ratio.CURRENT_RATIO;

        @Override
        public void initialize(RatioRange range) {
            this.ratio = range.value();
        }

        @Override
        public boolean isValid(@Nullable BigDecimal value, ConstraintValidatorContext context) {
            if (value == null || (value.compareTo(ratio.minimum()) >= 0 && value.compareTo(ratio.maximum()) <= 0)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            "must be between " + ratio.minimum().toPlainString() + " and "
                                    + ratio.maximum().toPlainString())
                    .addConstraintViolation();
            return false;
        }
    }
}
