package io.covenant.shared.web;

import io.swagger.v3.oas.models.parameters.Parameter;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.extractor.DelegatingMethodParameter;
import org.springframework.core.MethodParameter;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * One naming rule for the query parameters bound into a record: the component's name in snake_case, as in the JSON
 * bodies ({@code marketCapMin} is {@code market_cap_min}). Spring binds by it and springdoc documents by it, so a
 * params record names each parameter once instead of repeating it in {@code @BindParam} and {@code @Parameter}
 * (springdoc does not read the former: springdoc-openapi#2652).
 */
@ControllerAdvice
class QueryParameterNames implements ParameterCustomizer {

    private static final DataBinder.NameResolver SNAKE_CASE = parameter -> {
        String name = parameter.getParameterName();
        return name == null ? null : JsonNames.snake(name);
    };

    @InitBinder
    void bindRecordComponentsBySnakeCaseNames(WebDataBinder binder) {
        binder.setNameResolver(SNAKE_CASE);
    }

    @Override
    public @Nullable Parameter customize(@Nullable Parameter parameter, MethodParameter methodParameter) {
        if (parameter != null
                && parameter.getName() != null
                && methodParameter instanceof DelegatingMethodParameter component
                && component.isParameterObject()) {
            parameter.setName(JsonNames.snake(parameter.getName()));
        }
        return parameter;
    }
}
