package dev.cskit.kpi.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CDNOW test data (see {@code src/test/resources/clv/README.md}), read from the class
 * path.
 */
final class CdnowData {

    /** The last day of the 39-week calibration period, inclusive. */
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** A repeat buyer of the 1/10 sample, summarised from the master transactions. */
    record RepeatBuyer(int sampleId, int masterId, int frequency, double recency, double age,
            double averageValue) {

        SpendSummary spend() {
            return SpendSummary.of(frequency, averageValue);
        }
    }

    private CdnowData() {
    }

    /** The 2,357 sample customers' (x, t_x, T) in weeks, in sample id order. */
    static List<PurchaseSummary> summaries() {
        List<PurchaseSummary> out = new ArrayList<>();
        for (String[] row : csv("clv/cdnow_customers_summary.csv")) {
            out.add(PurchaseSummary.of(Integer.parseInt(row[1]), Double.parseDouble(row[2]),
                    Double.parseDouble(row[3])));
        }
        return out;
    }

    /**
     * The sample customers with at least one repeat purchase in the calibration period,
     * summarised from {@code CDNOW_master.txt}: purchases on the same day are added into one
     * transaction, the first transaction is left out, and only days up to
     * {@link #CALIBRATION_END} count; times are in weeks.
     */
    static List<RepeatBuyer> repeatBuyers() {
        return RepeatBuyers.ALL;
    }

    /** Reads the master file once, on first use. */
    private static final class RepeatBuyers {
        static final List<RepeatBuyer> ALL = List.copyOf(readRepeatBuyers());
    }

    private static List<RepeatBuyer> readRepeatBuyers() {
        Map<Integer, TreeMap<LocalDate, Double>> days = masterTransactionsByDay();
        List<RepeatBuyer> out = new ArrayList<>();
        for (String[] row : csv("clv/cdnow_sample_repeat_buyers.csv")) {
            int sampleId = Integer.parseInt(row[0]);
            int masterId = Integer.parseInt(row[1]);
            out.add(summarise(sampleId, masterId, days.get(masterId)));
        }
        return out;
    }

    private static RepeatBuyer summarise(int sampleId, int masterId,
            TreeMap<LocalDate, Double> days) {
        LocalDate first = days.firstKey();
        int frequency = 0;
        double total = 0;
        LocalDate last = first;
        for (Map.Entry<LocalDate, Double> day : days.tailMap(first, false).entrySet()) {
            if (day.getKey().isAfter(CALIBRATION_END)) {
                break;
            }
            frequency++;
            total += day.getValue();
            last = day.getKey();
        }
        double recency = ChronoUnit.DAYS.between(first, last) / 7.0;
        double age = ChronoUnit.DAYS.between(first, CALIBRATION_END) / 7.0;
        return new RepeatBuyer(sampleId, masterId, frequency, recency, age,
                frequency == 0 ? 0 : total / frequency);
    }

    private static Map<Integer, TreeMap<LocalDate, Double>> masterTransactionsByDay() {
        Map<Integer, TreeMap<LocalDate, Double>> days = new HashMap<>();
        try (BufferedReader reader = open("clv/CDNOW_master.txt")) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.trim().split("\\s+");
                if (cells.length < 4) {
                    continue;
                }
                days.computeIfAbsent(Integer.parseInt(cells[0]), id -> new TreeMap<>())
                        .merge(LocalDate.parse(cells[1], DATE), Double.parseDouble(cells[3]),
                                Double::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return days;
    }

    private static List<String[]> csv(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = open(resource)) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.trim().split(","));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static BufferedReader open(String resource) {
        InputStream in = CdnowData.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("test resource missing: " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    }
}
