package id.rujukan.infra.testing;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads values out of a Prometheus text exposition ({@code /q/metrics}), as a dashboard query would:
 * the sum over every series of a metric whose labels include the ones asked for. Exemplars (the trace a
 * value came from) are skipped.
 */
public final class PrometheusText {

    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PrometheusText() {
    }

    /**
     * Whether any series of the metric is exposed, whatever its value: a Kafka client's records-lag-max, for
     * one, reads NaN while its consumer has fetched nothing lately.
     */
    public static boolean has(String text, String metric) {
        return text.lines().anyMatch(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "));
    }

    /**
     * @return the sum over the series of {@code metric} carrying all of {@code labels}, or NaN if none does
     */
    public static double sum(String text, String metric, Map<String, String> labels) {
        double sum = Double.NaN;
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            int exemplar = line.indexOf(" # ");
            Matcher series = SERIES.matcher((exemplar < 0 ? line : line.substring(0, exemplar)).strip());
            if (!series.matches() || !series.group(1).equals(metric)) {
                continue;
            }
            Matcher label = LABEL.matcher(series.group(3) == null ? "" : series.group(3));
            int matched = 0;
            while (label.find()) {
                if (label.group(2).equals(labels.get(label.group(1)))) {
                    matched++;
                }
            }
            if (matched == labels.size()) {
                double value = Double.parseDouble(series.group(4));
                sum = Double.isNaN(sum) ? value : sum + value;
            }
        }
        return sum;
    }
}
