package dev.revhooks.bench;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.inbox.DeliveryInbox;
import dev.revhooks.core.inbox.InboundDelivery;
import dev.revhooks.core.replay.ClaimToken;
import dev.revhooks.core.replay.ReplayGuard;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load test sends one signed body over and over (wrk cannot sign), so every request after the
 * first would be a duplicate. These wrappers give each request a key of its own (the delivery's key
 * plus a counter) before the real store sees it, so every request is a first delivery: the guard
 * claims and completes, the inbox inserts. The store runs exactly the statements it runs for new
 * deliveries; only the key differs.
 */
final class FirstDeliveries {

    private static final AtomicLong NEXT = new AtomicLong();

    private FirstDeliveries() {
    }

    static DeliveryKey unique(DeliveryKey key) {
        return new DeliveryKey(key.value() + "#" + NEXT.incrementAndGet());
    }

    /** A guard whose claims, completions and releases on one request thread use that request's unique key. */
    static ReplayGuard guard(ReplayGuard store) {
        ThreadLocal<DeliveryKey> current = new ThreadLocal<>();
        return new ReplayGuard() {
            @Override
            public ClaimResult claim(DeliveryKey key) {
                DeliveryKey unique = unique(key);
                current.set(unique);
                return store.claim(unique);
            }

            @Override
            public boolean complete(DeliveryKey key, ClaimToken token) {
                return store.complete(current.get(), token);
            }

            @Override
            public boolean release(DeliveryKey key, ClaimToken token) {
                return store.release(current.get(), token);
            }
        };
    }

    /** An inbox that stores each delivery under a unique key and counts it as served. */
    static DeliveryInbox inbox(DeliveryInbox store, AtomicLong served) {
        return delivery -> {
            boolean stored = store.store(new InboundDelivery(delivery.vendor(), unique(delivery.deliveryKey()),
                    delivery.eventType(), delivery.authentication(), delivery.rawBody(), delivery.headers(),
                    delivery.parseFailure()));
            served.incrementAndGet();
            return stored;
        };
    }
}
