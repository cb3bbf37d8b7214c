package dev.cskit.examples.demo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The settings of one demo run, as the command line gives them.
 *
 * @param jdbcUrl the database; an H2 file database of the demo's own unless set
 * @param months how many months to simulate, ending at the snapshot
 * @param seed the seed of every random draw
 * @param report where to write the HTML report
 * @param customers how many customers of the file to import, all unless set
 * @param input another CSV file to import instead of the Telco file
 * @param mapping the import mapping of {@code input}
 * @param snapshot the instant the customer file describes; the run ends there
 */
record DemoSettings(Optional<String> jdbcUrl, int months, long seed, Path report,
        OptionalInt customers, Optional<Path> input, Optional<Path> mapping, Instant snapshot) {
}
