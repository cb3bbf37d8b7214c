package dev.cskit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

    @Test
    void options_defaultToTheReadmeRun() {
        Demo demo = new Demo();
        new CommandLine(demo).parseArgs();

        DemoSettings settings = demo.settings();

        assertThat(settings.jdbcUrl()).isEmpty();
        assertThat(settings.months()).isEqualTo(12);
        assertThat(settings.seed()).isEqualTo(42);
        assertThat(settings.report()).isEqualTo(Path.of("cskit-demo", "report.html"));
        assertThat(settings.customers()).isEmpty();
        assertThat(settings.input()).isEmpty();
    }

    @Test
    void options_areParsed() {
        Demo demo = new Demo();
        new CommandLine(demo).parseArgs("--jdbc-url", "jdbc:h2:mem:x", "--months", "6",
                "--seed", "7", "--out", "r.html", "--customers", "10");

        DemoSettings settings = demo.settings();

        assertThat(settings.jdbcUrl()).contains("jdbc:h2:mem:x");
        assertThat(settings.months()).isEqualTo(6);
        assertThat(settings.seed()).isEqualTo(7);
        assertThat(settings.report()).isEqualTo(Path.of("r.html"));
        assertThat(settings.customers()).hasValue(10);
    }

    @Test
    void badMonths_exitWithUsageError() {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new Demo(new PrintStream(new ByteArrayOutputStream(),
                true, StandardCharsets.UTF_8)));
        line.setErr(new PrintWriter(err));

        int code = line.execute("--months", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--months must be from 1 to 120, not 0");
    }

    @Test
    void help_listsEveryOption() {
        StringWriter out = new StringWriter();
        CommandLine line = new CommandLine(new Demo());
        line.setOut(new PrintWriter(out));

        assertThat(line.execute("--help")).isZero();
        assertThat(out.toString()).contains("--jdbc-url", "--months", "--seed", "--out",
                "--customers", "--input", "--mapping");
    }
}
