package io.covenant.shared.web;

import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.text.StorableText;
import java.beans.PropertyEditorSupport;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses text PostgreSQL cannot store wherever a controller receives it: every string of a JSON body, however
 * deep (422 naming the field's path, such as {@code points[2].unit}), and every request parameter, path variable
 * and form field bound to a string (400 naming the parameter). Query strings are also checked before binding by
 * {@link UnstorableQueryInterceptor}.
 */
@ControllerAdvice
class UnstorableInputAdvice extends RequestBodyAdviceAdapter {

    private static final int MAX_DEPTH = 64;

    @InitBinder
    void refuseUnstorableStrings(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                int at = text == null ? -1 : StorableText.firstUnstorable(text);
                if (at >= 0) {
                    throw new UnstorableText(StorableText.problem(text, at));
                }
                setValue(text);
            }
        });
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "", 0);
        return body;
    }

    private static void check(Object value, String path, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof CharSequence text) {
            int at = StorableText.firstUnstorable(text);
            if (at >= 0) {
                throw InvalidInput.of(path.isEmpty() ? "request" : path, StorableText.problem(text, at));
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                check(entry.getKey(), join(path, "(key)"), depth + 1);
                check(entry.getValue(), join(path, key), depth + 1);
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                check(item, path + "[" + i++ + "]", depth + 1);
            }
        } else if (value.getClass().isArray()
                && !value.getClass().getComponentType().isPrimitive()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                check(Array.get(value, i), path + "[" + i + "]", depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                check(read(component, value), join(path, JsonNames.snake(component.getName())), depth + 1);
            }
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException ex) {
            return null;
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A request parameter with text that cannot be stored; its message becomes the field error. */
    static class UnstorableText extends IllegalArgumentException {

        UnstorableText(String message) {
            super(message);
        }
    }
}
