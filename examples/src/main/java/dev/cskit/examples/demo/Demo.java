package dev.cskit.examples.demo;

import dev.cskit.core.CsKitException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The demo's command line: {@code java -jar examples/target/cskit-demo.jar [options]}.
 *
 * <p>Imports the IBM Telco churn file (or another CSV with a mapping), starts the playbooks
 * for every customer, lives through the simulated months, prints the summary and writes the
 * HTML report. Exit code 0 on success, 1 when the run failed (the message says why), 2 for
 * bad options.
 */
@Command(name = "cskit-demo", mixinStandardHelpOptions = true, version = "cskit demo 0.1.0",
        sortOptions = false,
        description = "Runs cskit end to end on the IBM Telco churn file: import, playbooks,"
                + " a simulated year of customer events, KPIs and an HTML report.")
public final class Demo implements Callable<Integer> {

    /** The instant the Telco file describes, as its import mapping assumes. */
    static final Instant SNAPSHOT = Instant.parse("2018-02-01T00:00:00Z");

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Database (H2 or PostgreSQL JDBC URL); default: an H2 file database"
                    + " under ./cskit-demo/, recreated on every run")
    private String jdbcUrl;

    @Option(names = "--months", defaultValue = "12", paramLabel = "N",
            description = "Months to simulate, ending at the snapshot (default: ${DEFAULT-VALUE})")
    private int months;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Seed of every random draw (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", defaultValue = "cskit-demo/report.html", paramLabel = "FILE",
            description = "Where to write the HTML report (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--customers", paramLabel = "N",
            description = "Import only the first N customers (default: all)")
    private Integer customers;

    @Option(names = "--input", paramLabel = "CSV",
            description = "Another customer file to import instead of the Telco file")
    private Path input;

    @Option(names = "--mapping", paramLabel = "YAML",
            description = "The import mapping of --input (YAML or JSON)")
    private Path mapping;

    @Spec
    private CommandSpec spec;

    private final PrintStream console;

    /** Creates the command, printing to standard output. */
    public Demo() {
        this(System.out);
    }

    Demo(PrintStream console) {
        this.console = console;
    }

    /**
     * Runs the demo.
     *
     * @param args the command line; {@code --help} lists the options
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Demo()).execute(args));
    }

    @Override
    public Integer call() {
        if (months < 1 || months > 120) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--months must be from 1 to 120, not " + months);
        }
        if (customers != null && customers < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--customers must be at least 1, not " + customers);
        }
        DemoSettings settings = settings();
        try {
            DemoRun.Result result = DemoRun.run(settings, console);
            result.summary().print(console);
            console.printf(Locale.ROOT, "%nReport: %s%nDone in %.1f s.%n",
                    settings.report().toAbsolutePath().normalize(),
                    result.elapsed().toMillis() / 1000.0);
            return 0;
        } catch (CsKitException e) {
            console.println();
            System.err.println("cskit demo failed: " + e.getMessage());
            return 1;
        }
    }

    DemoSettings settings() {
        return new DemoSettings(Optional.ofNullable(jdbcUrl), months, seed, out,
                customers == null ? OptionalInt.empty() : OptionalInt.of(customers),
                Optional.ofNullable(input), Optional.ofNullable(mapping), SNAPSHOT);
    }
}
