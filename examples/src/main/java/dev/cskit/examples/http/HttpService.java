package dev.cskit.examples.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cskit.core.CsKitJson;
import dev.cskit.core.IllegalStageChangeException;
import dev.cskit.core.InvalidInputException;
import dev.cskit.core.NoSuchRecordException;
import dev.cskit.core.TenantId;
import dev.cskit.core.VersionConflictException;
import dev.cskit.core.imports.ImportMapping;
import dev.cskit.core.store.Store;
import dev.cskit.examples.adapters.CrmPresets;
import dev.cskit.kpi.ChurnPolicy;
import dev.cskit.process.ProcessRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An example JSON service over a {@link Store} and a {@link ProcessRunner}, on the JDK's
 * {@link HttpServer}, bound to the loopback address.
 *
 * <p>Routes (request and response bodies are JSON unless said otherwise):
 * <pre>
 * POST /customers                         a Customer; 201 when new (and the configured
 *                                         processes start), 200 when replaced
 * POST /customers/import?mapping=NAME     a CSV or JSON export; NAME is a CrmPresets name or
 *                                         a mapping given to the builder; all rows or none
 * GET  /customers/{id}                    the customer
 * GET  /customers/{id}/timeline           stage changes, transitions, tasks done and alerts,
 *                                         by time (from the customer and the audit trail)
 * POST /events                            a CustomerEvent, delivered to the processes;
 *                                         202, or 200 with outcome DUPLICATE for a seen id
 * GET  /instances/{id}                    a process instance
 * POST /instances/{id}/tasks/{task}/complete   optional body {"actor": "ana"}
 * GET  /alerts?process=&amp;step=&amp;level=       open alerts
 * GET  /kpis?from=2024-06-01&amp;to=2024-07-01    MRR bridge, GRR and NRR, customer churn
 * </pre>
 *
 * <p>Errors: bad JSON, a bad field or a bad file answer 400 with
 * {@code {"error": "invalid_input", "problems": [{"field", "value", "rule", ...}]}}, naming
 * each problem (with line and column for files); an unknown id 404; an illegal stage change or
 * a version conflict 409; an unknown route 404 and a wrong method 405. A refused request
 * changes nothing: each operation validates its whole input before it writes, and writes a
 * batch in one atomic store call.
 *
 * <p>Thread-safe; requests are served by a small fixed pool.
 *
 * <p>Note: this is an example, not a hardened server: no authentication, no TLS, and it only
 * listens on 127.0.0.1. Processes started for new customers start after the customer is
 * stored; a failure there leaves the customer stored without its instances.
 */
public final class HttpService implements AutoCloseable {

    /** The largest request body accepted, in bytes. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(HttpService.class.getName());

    private final Endpoints endpoints;
    private final List<Route> routes;
    private final int threads;
    private HttpServer server;
    private ExecutorService executor;

    private record Route(String method, Pattern path, Function<Request, Response> operation) {
    }

    private HttpService(Builder builder) {
        Map<String, ImportMapping> mappings = new LinkedHashMap<>();
        CrmPresets.names().forEach(name -> mappings.put(name, CrmPresets.byName(name)
                .orElseThrow()));
        mappings.putAll(builder.mappings);
        this.endpoints = new Endpoints(builder.store, builder.runner, builder.clock,
                builder.tenant, builder.currency, builder.policy, builder.startProcesses,
                mappings);
        this.threads = builder.threads;
        this.routes = List.of(
                new Route("POST", Pattern.compile("/customers"), endpoints::createCustomer),
                new Route("POST", Pattern.compile("/customers/import"),
                        endpoints::importCustomers),
                new Route("GET", Pattern.compile("/customers/([^/]+)"), endpoints::customer),
                new Route("GET", Pattern.compile("/customers/([^/]+)/timeline"),
                        endpoints::timeline),
                new Route("POST", Pattern.compile("/events"), endpoints::postEvent),
                new Route("GET", Pattern.compile("/instances/([^/]+)"), endpoints::instance),
                new Route("POST", Pattern.compile("/instances/([^/]+)/tasks/([^/]+)/complete"),
                        endpoints::completeTask),
                new Route("GET", Pattern.compile("/alerts"), endpoints::alerts),
                new Route("GET", Pattern.compile("/kpis"), endpoints::kpis));
    }

    /**
     * Returns a builder.
     *
     * @param store the store the service reads and writes
     * @param runner the process runner over the same store
     * @return the builder
     */
    public static Builder builder(Store store, ProcessRunner runner) {
        return new Builder(store, runner);
    }

    /**
     * Starts listening on 127.0.0.1.
     *
     * @param port the port; 0 picks a free one (see {@link #port()})
     * @return this service
     * @throws UncheckedIOException if the port cannot be bound
     * @throws IllegalStateException if the service runs already
     */
    public synchronized HttpService start(int port) {
        if (server != null) {
            throw new IllegalStateException("the service runs already on port " + port());
        }
        try {
            server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port
                    + "; is the port in use?", e);
        }
        executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
        return this;
    }

    /**
     * Returns the port the service listens on.
     *
     * @return the port
     * @throws IllegalStateException if it does not run
     */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the service does not run");
        }
        return server.getAddress().getPort();
    }

    /** Stops listening and closes open connections at once. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdown();
            server = null;
            executor = null;
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        Response response;
        try {
            response = dispatch(exchange);
        } catch (HttpError e) {
            response = new Response(e.status(), Views.error(e.code(), e.getMessage()));
        } catch (InvalidInputException e) {
            response = new Response(400, Views.invalid(e));
        } catch (NoSuchRecordException e) {
            response = new Response(404, Views.notFound(e));
        } catch (IllegalStageChangeException e) {
            response = new Response(409, Views.error("illegal_stage_change", e.getMessage()));
        } catch (VersionConflictException e) {
            response = new Response(409, Views.error("version_conflict", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "request " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI() + " failed; answered 500", e);
            response = new Response(500, Views.error("internal", "the request failed: "
                    + e.getClass().getSimpleName() + "; see the service log"));
        }
        write(exchange, response);
    }

    private Response dispatch(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (!matcher.matches()) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(method)) {
                List<String> parameters = new ArrayList<>();
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    parameters.add(decode(matcher.group(group)));
                }
                Request request = new Request(method, parameters,
                        query(exchange.getRequestURI().getRawQuery()), body(exchange));
                return route.operation().apply(request);
            }
        }
        if (pathKnown) {
            throw new HttpError(405, "method_not_allowed", method + " is not allowed on " + path);
        }
        throw new HttpError(404, "no_route", "no route " + method + " " + path);
    }

    private static byte[] body(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new HttpError(413, "body_too_large",
                        "the body must be at most " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.put(name, value);
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("uri", text, "must be validly percent-encoded");
        }
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes;
        try {
            bytes = CsKitJson.mapper().writeValueAsBytes(response.body());
        } catch (JsonProcessingException e) {
            throw new IOException("cannot write the response", e);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Configures an {@link HttpService}. Not thread-safe. */
    public static final class Builder {

        private final Store store;
        private final ProcessRunner runner;
        private Clock clock = Clock.systemUTC();
        private TenantId tenant = TenantId.DEFAULT;
        private Currency currency = Currency.getInstance("USD");
        private ChurnPolicy policy = ChurnPolicy.STANDARD;
        private final List<String> startProcesses = new ArrayList<>();
        private final Map<String, ImportMapping> mappings = new LinkedHashMap<>();
        private int threads = 4;

        private Builder(Store store, ProcessRunner runner) {
            this.store = Objects.requireNonNull(store, "store");
            this.runner = Objects.requireNonNull(runner, "runner");
        }

        /**
         * Sets the clock of import receipts; use the runner's.
         *
         * @param clock the clock; the system UTC clock unless set
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the tenant served; requests naming another are refused.
         *
         * @param tenant the tenant; {@link TenantId#DEFAULT} unless set
         * @return this builder
         */
        public Builder tenant(TenantId tenant) {
            this.tenant = Objects.requireNonNull(tenant, "tenant");
            return this;
        }

        /**
         * Sets the currency KPIs are computed in; every subscription term must use it.
         *
         * @param currency the currency; USD unless set
         * @return this builder
         */
        public Builder currency(Currency currency) {
            this.currency = Objects.requireNonNull(currency, "currency");
            return this;
        }

        /**
         * Sets the churn policy of the KPIs.
         *
         * @param policy the policy; {@link ChurnPolicy#STANDARD} unless set
         * @return this builder
         */
        public Builder churnPolicy(ChurnPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Adds a process started (latest version) for every new customer, created or imported.
         *
         * @param processKey the process key, registered with the runner
         * @return this builder
         */
        public Builder startForNewCustomers(String processKey) {
            startProcesses.add(Objects.requireNonNull(processKey, "processKey"));
            return this;
        }

        /**
         * Adds an import mapping under a name, beside the {@link CrmPresets}; a name of a
         * preset replaces it.
         *
         * @param name the name used in {@code ?mapping=}
         * @param mapping the mapping
         * @return this builder
         */
        public Builder mapping(String name, ImportMapping mapping) {
            mappings.put(Objects.requireNonNull(name, "name"),
                    Objects.requireNonNull(mapping, "mapping"));
            return this;
        }

        /**
         * Sets how many requests are served at once.
         *
         * @param threads at least 1; 4 unless set
         * @return this builder
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** @return the service, not yet listening; call {@link HttpService#start} */
        public HttpService build() {
            return new HttpService(this);
        }
    }
}
