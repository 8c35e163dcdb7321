package io.covenant.shared.jdbc;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.postgresql.util.PGobject;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.convert.converter.GenericConverter.ConvertiblePair;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.util.ReflectionUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records read from rows and written as parameters by name, instead of one line per column: a row maps to a record
 * whose components are its columns in camelCase ({@code event_date} to {@code eventDate}), and a record binds as
 * named parameters called after its components ({@code :eventDate}). Reflection and conversion cost a little on
 * every row: for pages and single rows, not for paths that stream thousands of rows.
 *
 * <p>The project's column types: an enum is stored as its lower-case name ({@code access_level = 'organization'}), a
 * SQL array reads as a {@link List} or {@link Set} and a collection binds as an array of its element type;
 * {@code OffsetDateTime}, {@code LocalDate}, {@code UUID} read through the driver's {@code getObject(column, type)},
 * {@code BigDecimal} and strings as they are, SQL NULL as null. A column read into a primitive component must be NOT
 * NULL. {@link #columns} gives a record's values by column name, as audit entries record a row.
 */
public final class Rows {

    /** What a column's value becomes in a record: Spring's defaults, lower-case enums, arrays as lists or sets. */
    private static final ConversionService CONVERSIONS = conversions();

    /** A record's components, their accessors callable from here even when the record is package-private. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent component : components) {
                ReflectionUtils.makeAccessible(component.getAccessor());
            }
            return components;
        }
    };

    private Rows() {}

    /** Maps each row to a new {@code type}, reading every component from the column of its snake_case name. */
    public static <T> RowMapper<T> mapper(Class<T> type) {
        return new RecordRows<>(type, CONVERSIONS);
    }

    /** As {@link #mapper(Class)}, and a {@code json} or {@code jsonb} column reads through {@code json}. */
    public static <T> RowMapper<T> mapper(Class<T> type, JsonMapper json) {
        DefaultConversionService conversions = conversions();
        conversions.addConverter(new JsonColumns(json));
        return new RecordRows<>(type, conversions);
    }

    /**
     * The record's components as named parameters (for {@code StatementSpec.params}), typed so that a null binds as
     * the column's type expects: a {@code UUID} as {@link Types#OTHER}, a string as {@code VARCHAR}, a
     * {@code LocalDate} as {@code DATE}, a {@code BigDecimal} as {@code NUMERIC}.
     */
    public static Map<String, Object> params(Record record) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (RecordComponent component : COMPONENTS.get(record.getClass())) {
            params.put(component.getName(), parameter(component, value(record, component)));
        }
        return params;
    }

    /**
     * The named columns of the record as its row holds them, in component order: the snake_case name of each
     * component ({@code isActive} as {@code is_active}) to its value, an enum as its lower-case name. What an audit
     * entry keeps of a row, named as the table names it. A name that is no component's fails, so that renaming a
     * component cannot silently drop a column.
     */
    public static Map<String, Object> columns(Record record, Set<String> names) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (RecordComponent component : COMPONENTS.get(record.getClass())) {
            String column = JdbcUtils.convertPropertyNameToUnderscoreName(component.getName());
            if (names.contains(column)) {
                Object value = value(record, component);
                columns.put(column, value instanceof Enum<?> e ? stored(e) : value);
            }
        }
        if (columns.size() != names.size()) {
            throw new IllegalArgumentException(
                    "not columns of " + record.getClass().getSimpleName() + ": " + names + " but " + columns.keySet());
        }
        return columns;
    }

    private static Object value(Record record, RecordComponent component) {
        return ReflectionUtils.invokeMethod(component.getAccessor(), record);
    }

    private static String stored(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Object parameter(RecordComponent component, Object value) {
        Class<?> type = component.getType();
        if (value instanceof Enum<?> e) {
            return stored(e);
        }
        if (value instanceof Collection<?> values) {
            Class<?> element = ResolvableType.forType(component.getGenericType())
                    .asCollection()
                    .resolveGeneric(0);
            Object[] array = values.toArray();
            return element == null
                    ? array
                    : Arrays.copyOf(array, array.length, (Class<? extends Object[]>) element.arrayType());
        }
        int sqlType = sqlType(type);
        return sqlType == JdbcUtils.TYPE_UNKNOWN ? value : new SqlParameterValue(sqlType, value);
    }

    private static int sqlType(Class<?> type) {
        if (type == UUID.class) {
            return Types.OTHER;
        }
        if (type == String.class || type.isEnum()) {
            return Types.VARCHAR;
        }
        if (type == LocalDate.class) {
            return Types.DATE;
        }
        if (type == BigDecimal.class) {
            return Types.NUMERIC;
        }
        if (type == OffsetDateTime.class) {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        }
        return JdbcUtils.TYPE_UNKNOWN;
    }

    private static DefaultConversionService conversions() {
        DefaultConversionService conversions = new DefaultConversionService();
        conversions.addConverterFactory(new LowerCaseEnums());
        conversions.addConverter(Array.class, List.class, array -> Arrays.asList(elements(array)));
        conversions.addConverter(Array.class, Set.class, array -> Set.copyOf(Arrays.asList(elements(array))));
        return conversions;
    }

    private static Object[] elements(Array array) {
        try {
            return (Object[]) array.getArray();
        } catch (SQLException ex) {
            throw new IllegalStateException("reading a SQL array", ex);
        }
    }

    /** A {@code json} or {@code jsonb} value (the driver's {@link PGobject}) read into the component's type. */
    private record JsonColumns(JsonMapper json) implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(PGobject.class, Object.class));
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            PGobject value = (PGobject) source;
            if (!"json".equals(value.getType()) && !"jsonb".equals(value.getType())) {
                throw new IllegalArgumentException("not a json column: " + value.getType());
            }
            return json.readValue(
                    value.getValue(),
                    json.constructType(targetType.getResolvableType().getType()));
        }
    }

    /** An enum stored as its lower-case name, such as {@code AccessLevel.of}: case and surrounding space ignored. */
    private static final class LowerCaseEnums implements ConverterFactory<String, Enum<?>> {

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <E extends Enum<?>> Converter<String, E> getConverter(Class<E> type) {
            return value -> (E) Enum.valueOf((Class) type, value.trim().toUpperCase(Locale.ROOT));
        }
    }
}
