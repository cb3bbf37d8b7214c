/**
 * The cskit demo: imports the IBM Telco churn file, starts the built-in playbooks for every
 * customer, lives through a year of customer events on a simulated clock, prints what the
 * KPIs say and writes the HTML report. Run it with
 * {@code java -jar examples/target/cskit-demo.jar}; {@code --help} lists the options.
 */
package dev.cskit.examples.demo;
