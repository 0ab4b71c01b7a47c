package me.wolfeo.sequences.platform.contract;

import java.util.regex.Pattern;

/** The one check of an email address that every service and the gateway apply. */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 254;
    /** A practical check: one @, no spaces, a dot in the domain. */
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private EmailAddresses() {
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && ADDRESS.matcher(value).matches()
                && Text.isStorable(value);
    }
}
