package dev.cskit.examples.demo;

import dev.cskit.core.Customer;
import dev.cskit.core.CustomerEvent;
import dev.cskit.core.CustomerId;
import dev.cskit.core.SurveyKind;
import dev.cskit.core.SurveyResponse;
import dev.cskit.core.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates what one customer does during the simulated window, from the customer's imported
 * record and a seed: product use, support tickets, survey answers, seat and plan changes, a
 * cancellation for customers the file marks as churners ({@code Churn = Yes}), and sometimes a
 * win-back.
 *
 * <p>Each customer draws from its own random stream, seeded from the run's seed and the
 * customer's id, so a customer behaves the same whatever other customers are imported, and two
 * runs with one seed generate the same happenings. The rates lean on the Telco columns where
 * present: no tech support or fibre internet raises tickets, a month-to-month contract raises
 * churn-related unhappiness in surveys, more services means more product use. Stateless and
 * thread-safe.
 */
final class CustomerBehaviour {

    private static final Duration DAY = Duration.ofDays(1);
    private static final List<String> FEATURES = List.of("billing-portal", "usage-dashboard",
            "streaming", "online-backup", "device-protection", "mobile-app");
    private static final List<String> TOPICS = List.of("billing", "connectivity", "device",
            "contract", "speed");
    private static final List<String> SERVICE_COLUMNS = List.of("PhoneService",
            "MultipleLines", "OnlineSecurity", "OnlineBackup", "DeviceProtection",
            "TechSupport", "StreamingTV", "StreamingMovies");

    private final long seed;
    private final Instant from;
    private final Instant to;

    /**
     * Creates the behaviour of a run.
     *
     * @param seed the run's seed
     * @param from the window's start
     * @param to the window's end, exclusive
     */
    CustomerBehaviour(long seed, Instant from, Instant to) {
        this.seed = seed;
        this.from = from;
        this.to = to;
    }

    /**
     * Generates the customer's happenings within the window.
     *
     * @param customer the customer
     * @param subscription its subscription
     * @return the happenings, in time order
     */
    List<Happening> generate(Customer customer, Subscription subscription) {
        SplittableRandom random = new SplittableRandom(mix(seed, customer.id().value()));
        Map<String, String> row = customer.attributes();
        CustomerId id = customer.id();
        List<Happening> out = new ArrayList<>();
        Instant signUp = subscription.start();
        if (!signUp.isBefore(to)) {
            return out;
        }
        Instant active = signUp.isBefore(from) ? from : signUp;
        if (!signUp.isBefore(from)) {
            out.add(new Happening.SignUp(signUp, id));
        }

        boolean churner = "Yes".equalsIgnoreCase(row.getOrDefault("Churn", ""))
                || (!row.containsKey("Churn") && random.nextDouble() < 0.15);
        Instant cancelAt = churner ? cancellation(random, active) : null;
        Instant end = cancelAt == null ? to : cancelAt;
        Counter ids = new Counter(id.value());

        productUse(random, row, id, active, end, ids, out);
        tickets(random, row, id, active, end, churner, ids, out);
        nps(random, id, active, end, churner, row, ids, out);
        changes(random, id, active, end, ids, out);
        if (cancelAt != null) {
            out.add(new Happening.Cancel(cancelAt, id, reason(random, row)));
            winBack(random, id, cancelAt, out);
        }
        out.sort((a, b) -> a.at().compareTo(b.at()));
        return out;
    }

    private Instant cancellation(SplittableRandom random, Instant active) {
        Instant earliest = active.plus(Duration.ofDays(14));
        if (!earliest.isBefore(to)) {
            return null;
        }
        return between(random, earliest, to);
    }

    private void productUse(SplittableRandom random, Map<String, String> row, CustomerId id,
            Instant start, Instant end, Counter ids, List<Happening> out) {
        long services = SERVICE_COLUMNS.stream()
                .filter(c -> "Yes".equalsIgnoreCase(row.getOrDefault(c, "")))
                .count();
        double perMonth = 0.25 + 0.12 * services;
        for (Instant month = start; month.isBefore(end); month = month.plus(Duration.ofDays(30))) {
            int uses = poisson(random, perMonth);
            for (int i = 0; i < uses; i++) {
                Instant at = between(random, month, min(month.plus(Duration.ofDays(30)), end));
                out.add(event(ids, "feature.used", id, at,
                        Map.of("feature", FEATURES.get(random.nextInt(FEATURES.size())))));
            }
        }
    }

    private void tickets(SplittableRandom random, Map<String, String> row, CustomerId id,
            Instant start, Instant end, boolean churner, Counter ids, List<Happening> out) {
        double perMonth = 0.05;
        if ("No".equalsIgnoreCase(row.getOrDefault("TechSupport", ""))) {
            perMonth += 0.05;
        }
        if ("Fiber optic".equalsIgnoreCase(row.getOrDefault("InternetService", ""))) {
            perMonth += 0.04;
        }
        for (Instant month = start; month.isBefore(end); month = month.plus(Duration.ofDays(30))) {
            if (random.nextDouble() >= perMonth) {
                continue;
            }
            Instant opened = between(random, month, min(month.plus(Duration.ofDays(30)), end));
            String ticket = ids.next("ticket");
            String topic = TOPICS.get(random.nextInt(TOPICS.size()));
            out.add(event(ids, "ticket.opened", id, opened,
                    Map.of("ticket", ticket, "topic", topic)));
            Instant resolved = opened.plus(Duration.ofHours(4 + random.nextInt(140)));
            if (!resolved.isBefore(end)) {
                continue;
            }
            out.add(event(ids, "ticket.resolved", id, resolved, Map.of("ticket", ticket)));
            if (random.nextDouble() < 0.6) {
                int score = churner ? 1 + random.nextInt(4) : 3 + random.nextInt(3);
                survey(ids, id, SurveyKind.CSAT, score, resolved.plus(DAY), end, out);
            }
        }
    }

    private void nps(SplittableRandom random, CustomerId id, Instant start, Instant end,
            boolean churner, Map<String, String> row, Counter ids, List<Happening> out) {
        if (random.nextDouble() >= 0.45 || !start.plus(Duration.ofDays(20)).isBefore(end)) {
            return;
        }
        Instant at = between(random, start.plus(Duration.ofDays(20)), end);
        boolean monthly = "Month-to-month".equalsIgnoreCase(row.getOrDefault("Contract", ""));
        int score;
        if (churner) {
            score = random.nextInt(monthly ? 7 : 9);
        } else {
            score = 5 + random.nextInt(6);
        }
        survey(ids, id, SurveyKind.NPS, score, at, end, out);
    }

    private void changes(SplittableRandom random, CustomerId id, Instant start, Instant end,
            Counter ids, List<Happening> out) {
        int seats = 1;
        for (Instant month = start.plus(Duration.ofDays(30)); month.isBefore(end);
                month = month.plus(Duration.ofDays(30))) {
            double draw = random.nextDouble();
            Instant at = between(random, month, min(month.plus(Duration.ofDays(30)), end));
            if (draw < 0.010) {
                // Usage near the limit comes first; the growth playbook proposes more seats.
                seats++;
                Instant reported = at.minus(Duration.ofDays(3 + random.nextInt(8)));
                if (reported.isAfter(start)) {
                    out.add(event(ids, "usage.reported", id, reported, Map.of("utilisation",
                            String.valueOf(82 + random.nextInt(18)))));
                }
                out.add(new Happening.Change(at, id, 1, 0));
            } else if (draw < 0.016 && seats > 1) {
                seats--;
                out.add(new Happening.Change(at, id, -1, 0));
            } else if (draw < 0.026) {
                out.add(new Happening.Change(at, id, 0, 10 + 5 * random.nextInt(3)));
            } else if (draw < 0.031) {
                out.add(new Happening.Change(at, id, 0, -(10 + 5 * random.nextInt(2))));
            }
        }
    }

    private void winBack(SplittableRandom random, CustomerId id, Instant cancelled,
            List<Happening> out) {
        if (random.nextDouble() >= 0.15) {
            return;
        }
        Instant back = cancelled.plus(Duration.ofDays(30 + random.nextInt(90)));
        if (back.isBefore(to)) {
            out.add(new Happening.WinBack(back, id));
        }
    }

    private static String reason(SplittableRandom random, Map<String, String> row) {
        if ("Month-to-month".equalsIgnoreCase(row.getOrDefault("Contract", ""))
                && random.nextDouble() < 0.4) {
            return "price";
        }
        if ("No".equalsIgnoreCase(row.getOrDefault("TechSupport", ""))
                && random.nextDouble() < 0.4) {
            return "support";
        }
        List<String> reasons = List.of("competitor", "service quality", "moved", "price");
        return reasons.get(random.nextInt(reasons.size()));
    }

    private static void survey(Counter ids, CustomerId id, SurveyKind kind, int score,
            Instant at, Instant end, List<Happening> out) {
        if (!at.isBefore(end)) {
            return;
        }
        out.add(new Happening.Survey(SurveyResponse.builder().id(ids.next("survey"))
                .customerId(id).kind(kind).score(score).answeredAt(at).build()));
    }

    private static Happening event(Counter ids, String type, CustomerId id, Instant at,
            Map<String, String> attributes) {
        return new Happening.Event(CustomerEvent.builder().id(ids.next("ev")).type(type)
                .customerId(id).occurredAt(at).putAllAttributes(attributes).build());
    }

    private static Instant between(SplittableRandom random, Instant start, Instant end) {
        long seconds = Duration.between(start, end).getSeconds();
        if (seconds <= 0) {
            return start;
        }
        return start.plusSeconds(random.nextLong(seconds));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    static long mix(long seed, String key) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001B3L;
        }
        return h ^ (h >>> 31);
    }

    /** Numbers a customer's generated records: {@code <customer>-ev-1}, ... */
    private static final class Counter {
        private final String prefix;
        private int next = 1;

        Counter(String prefix) {
            this.prefix = prefix;
        }

        String next(String kind) {
            return prefix + "-" + kind + "-" + next++;
        }
    }
}
