package me.wolfeo.sequences.platform.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of the service's {@code /q/metrics} (Prometheus text), read as series: a name, its labels and its
 * value. Shared by the services' metrics tests.
 */
public final class ScrapedMetrics {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One series of the scrape. */
    public record Series(String name, Map<String, String> labels, double value) {

        /** Whether the series has every one of these labels (name, value, name, value, ...). */
        public boolean has(String... labelPairs) {
            for (int i = 0; i + 1 < labelPairs.length; i += 2) {
                if (!labelPairs[i + 1].equals(labels.get(labelPairs[i]))) {
                    return false;
                }
            }
            return true;
        }
    }

    private final String text;
    private final List<Series> series;

    private ScrapedMetrics(String text) {
        this.text = text;
        List<Series> parsed = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Series one = parse(line);
            if (one != null) {
                parsed.add(one);
            }
        }
        this.series = List.copyOf(parsed);
    }

    /**
     * One line: a name, its labels (a label value may hold braces, as templated routes do) and its value; an
     * exemplar after the value ({@code # {trace_id="..."} 1.0}) is left out.
     */
    private static Series parse(String line) {
        Matcher name = NAME.matcher(line);
        if (!name.lookingAt()) {
            return null;
        }
        int at = name.end();
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            int close = closingBrace(line, at + 1);
            if (close < 0) {
                return null;
            }
            Matcher label = LABEL.matcher(line.substring(at + 1, close));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            at = close + 1;
        }
        String[] rest = line.substring(at).trim().split(" ");
        return rest.length == 0 || rest[0].isEmpty() ? null : new Series(name.group(), labels, value(rest[0]));
    }

    /** The index of the brace that closes the labels, outside quoted values; -1 if none. */
    private static int closingBrace(String line, int from) {
        boolean quoted = false;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** Scrapes the application under test (RestAssured's base URI and port). */
    public static ScrapedMetrics scrape() {
        return new ScrapedMetrics(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    public String text() {
        return text;
    }

    /** The series of this name with these labels (name, value, name, value, ...). */
    public List<Series> find(String name, String... labelPairs) {
        return series.stream().filter(s -> s.name().equals(name) && s.has(labelPairs)).toList();
    }

    /** The sum of the values of the series of this name with these labels; 0 when there is none. */
    public double sum(String name, String... labelPairs) {
        return find(name, labelPairs).stream().mapToDouble(Series::value).sum();
    }

    /** The names of all series. */
    public List<String> names() {
        return series.stream().map(Series::name).distinct().toList();
    }

    private static double value(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
