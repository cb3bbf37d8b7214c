package dev.cskit.examples.http;

import dev.cskit.core.store.InMemoryStore;
import dev.cskit.process.ProcessRunner;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the example {@link HttpService} on 127.0.0.1 over an in-memory store, with
 * {@link ExampleProcesses#onboarding()} started for every new customer and a sweep (timers,
 * SLA alerts) every 30 seconds.
 *
 * <pre>
 * java ... dev.cskit.examples.http.HttpServiceMain [--port 8080]
 * </pre>
 *
 * <p>Note: the store is in memory; everything is gone when the program stops.
 */
public final class HttpServiceMain {

    private HttpServiceMain() {
    }

    /**
     * Starts the service and serves until the process is stopped.
     *
     * @param args {@code --port N} (default 8080), or {@code --help}
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        Integer port = port(args, System.err);
        if (port == null) {
            System.exit(args.length == 1 && "--help".equals(args[0]) ? 0 : 2);
            return;
        }

        Clock clock = Clock.systemUTC();
        InMemoryStore store = new InMemoryStore();
        ProcessRunner runner = ProcessRunner.builder().store(store).clock(clock).build();
        runner.register(ExampleProcesses.onboarding());
        HttpService service = HttpService.builder(store, runner).clock(clock)
                .startForNewCustomers(ExampleProcesses.ONBOARDING).build().start(port);

        ScheduledExecutorService sweeps = Executors.newSingleThreadScheduledExecutor();
        sweeps.scheduleWithFixedDelay(runner::tick, 30, 30, TimeUnit.SECONDS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sweeps.shutdown();
            service.close();
            stopped.countDown();
        }));
        System.out.println("cskit example service on http://127.0.0.1:" + service.port()
                + "/ (Ctrl-C stops it)");
        stopped.await();
    }

    /**
     * Reads the options.
     *
     * @return the port, or {@code null} after printing usage or an error
     */
    static Integer port(String[] args, PrintStream err) {
        int port = 8080;
        for (int i = 0; i < args.length; i++) {
            if ("--help".equals(args[i])) {
                err.println("usage: HttpServiceMain [--port N]   (default 8080, 0 = any free)");
                return null;
            }
            if (!"--port".equals(args[i]) || i + 1 == args.length) {
                err.println("unknown option or missing value: " + args[i]
                        + "; usage: HttpServiceMain [--port N]");
                return null;
            }
            try {
                port = Integer.parseInt(args[++i]);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                err.println("--port must be a number from 0 to 65535: " + args[i]);
                return null;
            }
        }
        return port;
    }
}
