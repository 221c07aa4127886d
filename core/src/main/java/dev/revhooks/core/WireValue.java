package dev.revhooks.core;

/**
 * A documented constant of an open set of wire values (an event type, a status), implemented by
 * the vendor modules' enums. Every such enum has one constant, {@code UNKNOWN}, whose
 * {@link #wireName()} is null: it stands for any value the vendor's document does not list.
 * Values are read through {@link OpenEnum}, which keeps the string as sent.
 *
 * <pre>{@code
 * enum Direction implements WireValue {
 *     INBOUND("INBOUND"), OUTBOUND("OUTBOUND"), UNKNOWN(null);
 *     private final String wireName;
 *     Direction(String wireName) { this.wireName = wireName; }
 *     public String wireName() { return wireName; }
 * }
 * }</pre>
 */
public interface WireValue {

    /**
     * The value exactly as the vendor sends it.
     *
     * @return the wire name, or null for the {@code UNKNOWN} constant
     */
    String wireName();
}
