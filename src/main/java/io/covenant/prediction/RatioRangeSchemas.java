package io.covenant.prediction;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

/** The API description shows a {@link RatioRange} field's range as its minimum and maximum, as for @DecimalMin. */
@Component
class RatioRangeSchemas implements PropertyCustomizer {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema customize(Schema property, AnnotatedType type) {
        Annotation[] annotations = type.getCtxAnnotations();
        if (annotations == null) {
            return property;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof RatioRange range) {
                property.setMinimum(range.value().minimum());
                property.setMaximum(range.value().maximum());
            }
        }
        return property;
    }
}
