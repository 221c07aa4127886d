package dev.revhooks.spring.boot.autoconfigure;

/**
 * A {@code revhooks.*} property is missing or invalid; startup stops. The message names the
 * property and the failed check, never the property's value.
 *
 * <pre>{@code
 * // Invalid revhooks configuration: revhooks.revont.secret has leading or trailing white space; ...
 * }</pre>
 */
public final class InvalidWebhookPropertyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String property;

    /**
     * An invalid property.
     *
     * @param property the full property name, e.g. {@code revhooks.revont.secret}
     * @param problem what is wrong with it, without its value
     */
    public InvalidWebhookPropertyException(String property, String problem) {
        super("Invalid revhooks configuration: " + property + " " + problem);
        this.property = property;
    }

    /**
     * The property at fault.
     *
     * @return the full property name
     */
    public String property() {
        return property;
    }
}
