/**
 * JMH benchmarks and load drivers for cskit. Build with {@code mvn -pl benchmarks -am package
 * -DskipTests}, run with {@code java -jar benchmarks/target/benchmarks.jar [regex]}.
 */
package dev.cskit.benchmarks;
