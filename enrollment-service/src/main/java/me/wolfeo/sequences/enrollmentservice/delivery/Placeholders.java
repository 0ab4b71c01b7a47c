package me.wolfeo.sequences.enrollmentservice.delivery;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import me.wolfeo.sequences.enrollmentservice.engine.StepContact;

/**
 * Fills the placeholders of email content and SMS text from the contact: {@code {{first_name}}}, or with a
 * fallback for a contact that lacks the field, {@code {{first_name|there}}}. Fields: {@code first_name},
 * {@code last_name}, {@code email}, {@code phone_number}. An unknown field is left as written, so a typo shows in
 * a test send instead of vanishing.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*(?:\\|([^}]*))?}}");

    private Placeholders() {
    }

    /** For plain text (a subject, an SMS): values as they are. */
    public static String fillText(String template, StepContact contact) {
        return fill(template, contact, UnaryOperator.identity());
    }

    /** For HTML: contact values are escaped, so a contact's name can never inject markup. */
    public static String fillHtml(String template, StepContact contact) {
        return fill(template, contact, Placeholders::escapeHtml);
    }

    private static String fill(String template, StepContact contact, UnaryOperator<String> escape) {
        if (template == null || !template.contains("{{")) {
            return template;
        }
        Map<String, String> values = new java.util.HashMap<>();
        values.put("first_name", contact.firstName());
        values.put("last_name", contact.lastName());
        values.put("email", contact.email());
        values.put("phone_number", contact.phoneNumber());
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder(template.length() + 32);
        while (matcher.find()) {
            String field = matcher.group(1);
            String replacement;
            if (!values.containsKey(field)) {
                replacement = matcher.group();
            } else {
                String value = values.get(field);
                replacement = value == null || value.isBlank()
                        ? (matcher.group(2) == null ? "" : matcher.group(2).strip())
                        : escape.apply(value);
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String escapeHtml(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
