package dev.revhooks.jdbc.inbox;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.inbox.InboundDelivery;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revont.RevontSigner;
import dev.revhooks.revont.RevontWebhooks;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Real Revont deliveries for the inbox tests: signed, distinct by number. */
final class Deliveries {

    static final Secret SECRET = Secret.of("revont-inbox", "whsec_revont_inbox_7f3a91c2");
    static final RevontWebhooks REVONT = RevontWebhooks.builder().secret(SECRET).build();
    static final RevontSigner SIGNER = RevontSigner.of(SECRET);

    private Deliveries() {
    }

    static byte[] body(int n) {
        return ("{\"event\":\"summary.ready\",\"timestamp\":\"2024-09-15T14:32:00Z\",\"data\":{\"call_id\":\"call_" + n
                + "\",\"rep_id\":\"user_xyz789\",\"prospect_email\":\"jane@acmecorp.com\",\"duration_seconds\":2847,"
                + "\"summary_url\":\"https://app.revont.ai/calls/call_" + n + "/summary\",\"coaching_score\":82}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static WebhookRequest signed(int n) {
        return SIGNER.sign(body(n));
    }

    /** What the filter would store for delivery {@code n}: verified and parsed by the real receiver. */
    static InboundDelivery inbound(int n) {
        try {
            WebhookRequest request = signed(n);
            var delivery = REVONT.receive(request);
            return InboundDelivery.parsed(REVONT.vendor(), delivery.deliveryKey(), delivery.event().event(),
                    delivery.authentication(), delivery.rawBody(), request.headers());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The call id of a handled Revont event: which delivery it was. */
    static String callId(RevontEvent event) {
        return ((RevontEvent.SummaryReady) event).data().callId();
    }

    static InboundDelivery unparseable(byte[] body, String reason) {
        return new InboundDelivery("revont", DeliveryKey.of("revont", "unparseable", body), "unparseable",
                dev.revhooks.core.Authentication.hmacSignature(SECRET.id()), body, WebhookHeaders.empty(), reason);
    }

    static WebhookPayloadException payloadFailure(byte[] body) {
        return new WebhookPayloadException("data is missing", body, null);
    }

    static void execute(DataSource dataSource, String... statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static long count(DataSource dataSource, String query) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
