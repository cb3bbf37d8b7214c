package dev.cskit.examples.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/** Runs the demo on the first customers of the Telco file, into a database of its own. */
final class SmallRuns {

    /** What a small run left. */
    record Run(DemoRun.Result result, String summary, String progress, Path report) {
    }

    private SmallRuns() {
    }

    static Run run(Path dir, int customers, long seed) {
        Path report = dir.resolve("report.html");
        DemoSettings settings = new DemoSettings(
                Optional.of("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db")),
                12, seed, report, OptionalInt.of(customers), Optional.empty(), Optional.empty(),
                Demo.SNAPSHOT);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        DemoRun.Result result = DemoRun.run(settings,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        result.summary().print(new PrintStream(summary, true, StandardCharsets.UTF_8));
        return new Run(result, summary.toString(StandardCharsets.UTF_8),
                progress.toString(StandardCharsets.UTF_8), report);
    }
}
