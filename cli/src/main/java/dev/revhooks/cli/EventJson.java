package dev.revhooks.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.json.WebhookJson;

/**
 * The authenticated delivery as JSON, for standard output: the vendor, the event type, how it was
 * authenticated (which variable's secret, never the secret), the delivery key and the parsed event
 * as the vendor module's records write themselves.
 *
 * <pre>{@code
 * byte[] json = EventJson.render(Vendor.REVONT, authentic);
 * }</pre>
 */
final class EventJson {

    private static final ObjectMapper MAPPER = WebhookJson.shared().copyOfMapper();
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENTER)
            .withArrayIndenter(INDENTER));

    private EventJson() {
    }

    /**
     * Writes an authentic delivery.
     *
     * @param vendor the vendor
     * @param authentic the receiver's outcome
     * @return UTF-8 JSON, two-space indented, without a final line break
     */
    static byte[] render(Vendor vendor, Outcome.Authentic authentic) {
        VerifiedDelivery<?> delivery = authentic.delivery();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("vendor", vendor.cliName());
        root.put("type", authentic.eventType());
        root.set("authentication", MAPPER.valueToTree(delivery.authentication()));
        root.put("deliveryKey", delivery.deliveryKey().value());
        root.set("event", MAPPER.valueToTree(delivery.event()));
        try {
            return WRITER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
