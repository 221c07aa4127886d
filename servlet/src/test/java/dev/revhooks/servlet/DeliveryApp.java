package dev.revhooks.servlet;

import dev.revhooks.core.VerifiedDelivery;
import dev.revhooks.revring.PreCallAnswer;
import dev.revhooks.revring.PreCallRequest;
import dev.revhooks.revring.RevRingEvent;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The app behind the filters, for any vendor. It reads the delivery through
 * {@link WebhookFilter#delivery}, re-reads the body both as bytes and as text, keeps the delivery
 * by its key, and answers {@code 200} with one {@code name=value} line per finding. A RevRing
 * pre-call is answered as RevRing expects: {@code 200} with a {@link PreCallAnswer} JSON body.
 */
final class DeliveryApp extends HttpServlet {

    private final Map<String, VerifiedDelivery<?>> received = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        VerifiedDelivery<Object> delivery = WebhookFilter.delivery(req, Object.class);
        calls.incrementAndGet();
        received.put(delivery.deliveryKey().value(), delivery);
        boolean sameBytes = Arrays.equals(req.getInputStream().readAllBytes(), delivery.rawBody());
        StringWriter text = new StringWriter();
        try (BufferedReader reader = req.getReader()) {
            reader.transferTo(text);
        }
        boolean sameText = text.toString().equals(new String(delivery.rawBody(), StandardCharsets.UTF_8));

        if (delivery.event() instanceof RevRingEvent.PreCall preCall) {
            PreCallRequest call = preCall.request();
            byte[] answer = PreCallAnswer.builder()
                    .variable("callerNumber", call.fromNumber())
                    .variable("directDial", call.dialedAgentId() != null)
                    .variable("bodyReread", sameBytes && sameText)
                    .build().toJson();
            resp.setStatus(200);
            resp.setContentType("application/json");
            resp.setContentLength(answer.length);
            resp.getOutputStream().write(answer);
            return;
        }
        Map<String, String> echo = new LinkedHashMap<>();
        echo.put("event", delivery.event().getClass().getSimpleName());
        echo.put("auth", delivery.authentication().method().name());
        echo.put("credential", Objects.requireNonNullElse(delivery.authentication().credentialId(), "-"));
        echo.put("key", delivery.deliveryKey().value());
        echo.put("sameBytes", Boolean.toString(sameBytes));
        echo.put("sameText", Boolean.toString(sameText));
        echo.put("contentLength", Integer.toString(req.getContentLength()));
        resp.setStatus(200);
        resp.setContentType("text/plain;charset=utf-8");
        resp.getWriter().print(echo.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + "\n")
                .collect(Collectors.joining()));
    }

    /** The delivery the app received under {@code key}, or null. */
    VerifiedDelivery<?> delivery(String key) {
        return received.get(key);
    }

    /** How many requests reached the app. */
    int calls() {
        return calls.get();
    }

    /** Reads the app's {@code name=value} answer. */
    static Map<String, String> echo(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        body.lines().forEach(line -> {
            int eq = line.indexOf('=');
            values.put(line.substring(0, eq), line.substring(eq + 1));
        });
        return values;
    }
}
