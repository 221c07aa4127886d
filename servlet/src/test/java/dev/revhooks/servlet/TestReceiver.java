package dev.revhooks.servlet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.Authentication;
import dev.revhooks.core.BodyLimit;
import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.FailureReason;
import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.Secret;
import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.core.WebhookPayloadException;
import dev.revhooks.core.WebhookReceiver;
import dev.revhooks.core.WebhookRequest;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.signature.HexSignature;
import dev.revhooks.core.signature.HmacSha256Signer;
import dev.revhooks.core.signature.HmacSha256Verifier;

/** A minimal vendor-neutral receiver: hex HMAC-SHA256 of the body in {@code X-Test-Signature}, any JSON object. */
final class TestReceiver implements WebhookReceiver<ObjectNode> {

    static final Secret SECRET = Secret.of("test", "whsec_servlet_test");
    private static final RequiredHeader SIGNATURE = RequiredHeader.of("X-Test-Signature", FailureReason.MISSING_SIGNATURE)
            .withMaxLength(1024);

    private final HmacSha256Verifier verifier = HmacSha256Verifier.of(SECRET);
    private final BodyLimit limit;
    private final boolean exchanges;

    TestReceiver(BodyLimit limit) {
        this(limit, false);
    }

    /** With {@code exchanges}, every delivery is an exchange the sender needs answered each time. */
    TestReceiver(BodyLimit limit, boolean exchanges) {
        this.limit = limit;
        this.exchanges = exchanges;
    }

    static String sign(byte[] body) {
        return HmacSha256Signer.hex(SECRET, body);
    }

    @Override
    public String vendor() {
        return "test";
    }

    @Override
    public BodyLimit bodyLimit() {
        return limit;
    }

    @Override
    public Authentication verify(WebhookRequest request) throws WebhookVerificationException {
        limit.check(request.body());
        return verifier.verify(HexSignature.decode(SIGNATURE.read(request.headers())), request.body());
    }

    @Override
    public ObjectNode parse(WebhookRequest verifiedRequest) throws WebhookPayloadException {
        return WebhookJson.shared().readObject(verifiedRequest.body());
    }

    @Override
    public VerifiedDelivery<ObjectNode> receive(WebhookRequest request)
            throws WebhookVerificationException, WebhookPayloadException {
        Authentication authentication = verify(request);
        if (exchanges) {
            return VerifiedDelivery.exchange(parse(request), authentication, request.body(),
                    () -> DeliveryKey.of("test", "exchange", request.body()));
        }
        return VerifiedDelivery.withDefaultKey("test", "any", parse(request), authentication, request.body());
    }
}
