package dev.revhooks.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The default mode: start the receiver on a free port, send it every delivery over HTTP, print
 * what became of each, and check that against what the library promises.
 */
final class Showcase {

    private final Clock clock;

    Showcase(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs the showcase.
     *
     * @param deliveries what to send, in order
     * @param out where the report goes
     * @return 0 when every delivery went as expected, 1 otherwise
     * @throws Exception when the receiver cannot start or an exchange fails
     */
    int run(List<DemoDelivery> deliveries, PrintStream out) throws Exception {
        Inbox inbox = new Inbox();
        List<Exchange> exchanges = new ArrayList<>(deliveries.size());
        try (DemoServer server = DemoServer.start(0, Endpoints.create(clock, inbox::add))) {
            out.print(Banner.showcase(server.baseUri(), server.endpoints(), deliveries.size()));
            Sender sender = new Sender(server.baseUri());
            for (DemoDelivery delivery : deliveries) {
                exchanges.add(send(sender, delivery, inbox));
            }
        }
        out.print(table(exchanges));
        return summarise(exchanges, out);
    }

    private static Exchange send(Sender sender, DemoDelivery delivery, Inbox inbox)
            throws IOException, InterruptedException {
        inbox.drain();
        Sender.Answer answer = sender.send(delivery.path(), delivery.request());
        return Exchange.observe(delivery, answer, inbox.drain());
    }

    private static String table(List<Exchange> exchanges) {
        TextTable table = new TextTable("VENDOR", "EVENT", "DELIVERY", "RESULT", "HTTP", "REASON", "DETAIL");
        for (Exchange exchange : exchanges) {
            DemoDelivery delivery = exchange.delivery();
            Verdict observed = exchange.observed();
            table.row(delivery.vendor(), delivery.event(), delivery.description(),
                    observed.outcome().label() + (exchange.asExpected() ? "" : " (!)"),
                    Integer.toString(observed.status()),
                    observed.reason() == null ? "" : observed.reason().name(),
                    exchange.detail());
        }
        return table.render();
    }

    private static int summarise(List<Exchange> exchanges, PrintStream out) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        List<Exchange> unexpected = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            counts.merge(exchange.observed().outcome(), 1, Integer::sum);
            if (!exchange.asExpected()) {
                unexpected.add(exchange);
            }
        }
        out.println();
        out.println(exchanges.size() + " deliveries: "
                + count(counts, Outcome.ACCEPTED) + " accepted and passed to the app, "
                + count(counts, Outcome.DEAD_LETTER) + " authentic but unparseable and kept raw, "
                + count(counts, Outcome.DUPLICATE) + " duplicates acknowledged but not passed on, "
                + count(counts, Outcome.REJECTED) + " rejected.");
        if (unexpected.isEmpty()) {
            out.println("Every delivery went as expected. Run with --serve to keep the receiver running for your own"
                    + " deliveries.");
            return 0;
        }
        out.println(unexpected.size() + " did not go as expected:");
        for (Exchange exchange : unexpected) {
            DemoDelivery delivery = exchange.delivery();
            out.println("  " + delivery.vendor() + " " + delivery.event() + ", " + delivery.description()
                    + ": expected " + delivery.expected() + ", got " + exchange.observed());
        }
        return 1;
    }

    private static int count(Map<Outcome, Integer> counts, Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    /** What the app received while one delivery was handled; requests are sent one at a time. */
    private static final class Inbox {
        private final List<AppRecord> records = new ArrayList<>();

        synchronized void add(AppRecord record) {
            records.add(record);
        }

        synchronized List<AppRecord> drain() {
            List<AppRecord> drained = List.copyOf(records);
            records.clear();
            return drained;
        }
    }
}
