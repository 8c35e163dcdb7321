package io.covenant.security;

import io.covenant.shared.web.JsonNames;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the service's controllers as the security tests need them, read from Spring's own request
 * mappings so that a new endpoint is covered without being listed: its method, path (variables filled in), JSON
 * body type, query or form parameters, and whether it takes a multipart file.
 */
record WriteEndpoints(List<Endpoint> all) {

    static WriteEndpoints of(RequestMappingHandlerMapping mapping) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("io.covenant")) {
                continue;
            }
            RequestMappingInfo info = entry.getKey();
            boolean multipart =
                    info.getConsumesCondition().getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA);
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    endpoints.add(new Endpoint(method.name(), pattern, handler, multipart));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::toString));
        return new WriteEndpoints(List.copyOf(endpoints));
    }

    List<Endpoint> withJsonBody() {
        return all.stream().filter(e -> e.bodyType() != null).toList();
    }

    List<Endpoint> withParameters() {
        return all.stream().filter(e -> !e.parameters().isEmpty()).toList();
    }

    List<Endpoint> multipart() {
        return all.stream().filter(Endpoint::multipart).toList();
    }

    /** One endpoint. */
    record Endpoint(String method, String pattern, HandlerMethod handler, boolean multipart) {

        /** The path with every variable given a fresh id (a valid value for both id and name variables). */
        String path() {
            return pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }

        Class<?> bodyType() {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    return parameter.getParameterType();
                }
            }
            return null;
        }

        /** The names of its string-valued request parameters (query, or form fields of a multipart request). */
        List<String> parameters() {
            List<String> names = new ArrayList<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(ParameterObject.class)) {
                    // A record of query parameters: each component, under its bound name.
                    for (RecordComponent component :
                            parameter.getParameterType().getRecordComponents()) {
                        BindParam bound = component.getAnnotation(BindParam.class);
                        names.add(bound != null ? bound.value() : component.getName());
                    }
                    continue;
                }
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param == null
                        || MultipartFile.class.isAssignableFrom(parameter.getParameterType())
                        || Map.class.isAssignableFrom(parameter.getParameterType())
                        || parameter.hasParameterAnnotation(PathVariable.class)) {
                    continue;
                }
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                String name = !param.name().isEmpty()
                        ? param.name()
                        : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
                names.add(name);
            }
            return names;
        }

        List<String> fileParts() {
            List<String> names = new ArrayList<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                    names.add(!param.name().isEmpty() ? param.name() : param.value());
                }
            }
            return names.isEmpty() ? List.of("file") : names;
        }

        @Override
        public String toString() {
            return method + " " + pattern + (multipart ? " (multipart)" : "");
        }
    }

    /** A valid-looking JSON value of a type, every string field "ok", and the paths of all its string fields. */
    static Object sample(Type type, String path, List<String> stringPaths, int depth) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            stringPaths.add(path);
            return "ok";
        }
        if (raw == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (raw == LocalDate.class) {
            return "2024-06-30";
        }
        if (raw == OffsetDateTime.class || raw == Instant.class) {
            return "2030-01-01T00:00:00Z";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return true;
        }
        if (Number.class.isAssignableFrom(raw) || raw.isPrimitive() || raw == BigDecimal.class) {
            return 1;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0].toString().toLowerCase(Locale.ROOT);
        }
        if (depth > 4) {
            return null;
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            Type element = raw.isArray()
                    ? raw.getComponentType()
                    : type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
            return List.of(sample(element, path + "[0]", stringPaths, depth + 1));
        }
        if (Map.class.isAssignableFrom(raw)) {
            stringPaths.add(path.isEmpty() ? "key" : path + ".key");
            return Map.of("key", "ok");
        }
        if (raw.isRecord()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (RecordComponent component : raw.getRecordComponents()) {
                String name = JsonNames.snake(component.getName());
                object.put(
                        name,
                        sample(
                                component.getGenericType(),
                                path.isEmpty() ? name : path + "." + name,
                                stringPaths,
                                depth + 1));
            }
            return object;
        }
        return null;
    }

    /** The same value with the string at this path replaced. */
    @SuppressWarnings("unchecked")
    static Object replace(Object value, String path, Object replacement) {
        if (path.isEmpty()) {
            return replacement;
        }
        int dot = path.indexOf('.');
        int bracket = path.indexOf('[');
        if (bracket == 0) {
            int close = path.indexOf(']');
            String rest = path.substring(close + 1).replaceFirst("^\\.", "");
            List<Object> list = new ArrayList<>((List<Object>) value);
            list.set(0, replace(list.get(0), rest, replacement));
            return list;
        }
        int end = dot < 0 ? (bracket < 0 ? path.length() : bracket) : (bracket < 0 ? dot : Math.min(dot, bracket));
        String head = path.substring(0, end);
        String rest = path.substring(end).replaceFirst("^\\.", "");
        Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) value);
        map.put(head, replace(map.get(head), rest, replacement));
        return map;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }
}
