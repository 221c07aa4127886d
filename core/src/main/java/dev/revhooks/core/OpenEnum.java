package dev.revhooks.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A value from an open set: one of the documented constants, or any value the vendor adds later,
 * kept exactly as sent. This is the one way every module exposes enumerations, so a new status
 * never makes an authentic delivery unreadable.
 *
 * <pre>{@code
 * OpenEnum<CallStatus> status = call.status();
 * switch (status.value()) {
 *     case COMPLETED -> archive(call);
 *     case UNKNOWN -> log.info("new status {}", status.wire());
 *     default -> { }
 * }
 * }</pre>
 *
 * @param <E> the enum of documented values; it has an {@code UNKNOWN} constant
 * @param value the documented constant, or {@code UNKNOWN}
 * @param wire the value exactly as sent
 */
public record OpenEnum<E extends Enum<E> & WireValue>(E value, String wire) {

    private static final ClassValue<Map<String, Enum<?>>> BY_WIRE_NAME = new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
            Map<String, Enum<?>> map = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                String name = ((WireValue) constant).wireName();
                if (name != null) {
                    map.put(name, (Enum<?>) constant);
                }
            }
            return Map.copyOf(map);
        }
    };

    private static final ClassValue<Enum<?>> UNKNOWN = new ClassValue<>() {
        @Override
        protected Enum<?> computeValue(Class<?> type) {
            for (Object constant : type.getEnumConstants()) {
                if (((WireValue) constant).wireName() == null) {
                    return (Enum<?>) constant;
                }
            }
            throw new IllegalArgumentException(type.getName() + " has no UNKNOWN constant (one whose wireName() is null)");
        }
    };

    /**
     * Validates the pair.
     *
     * @param value the constant
     * @param wire the value as sent
     */
    public OpenEnum {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(wire, "wire");
    }

    /**
     * Reads a wire value: the matching documented constant (exact, case-sensitive match), or
     * {@code UNKNOWN} with the string kept.
     *
     * @param <E> the enum type
     * @param type the enum class
     * @param wire the value as sent
     * @return the open value
     */
    @SuppressWarnings("unchecked")
    public static <E extends Enum<E> & WireValue> OpenEnum<E> of(Class<E> type, String wire) {
        Objects.requireNonNull(wire, "wire");
        Enum<?> known = BY_WIRE_NAME.get(type).get(wire);
        return new OpenEnum<>((E) (known != null ? known : UNKNOWN.get(type)), wire);
    }

    /**
     * A documented constant as an open value.
     *
     * @param <E> the enum type
     * @param constant a documented constant (not {@code UNKNOWN})
     * @return the open value
     */
    public static <E extends Enum<E> & WireValue> OpenEnum<E> of(E constant) {
        String wire = constant.wireName();
        if (wire == null) {
            throw new IllegalArgumentException("UNKNOWN has no wire name; use OpenEnum.of(type, wire)");
        }
        return new OpenEnum<>(constant, wire);
    }

    /**
     * Whether the value is one of the documented constants.
     *
     * @return false for {@code UNKNOWN}
     */
    public boolean isKnown() {
        return value.wireName() != null;
    }

    /**
     * Whether this is the given documented constant.
     *
     * @param constant a constant
     * @return true when {@link #value()} is {@code constant}
     */
    public boolean is(E constant) {
        return value == constant;
    }

    /**
     * The value as sent, which is also how it serialises to JSON.
     *
     * @return the wire string
     */
    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
