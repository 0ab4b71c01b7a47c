package me.wolfeo.sequences.platform.contract.content;

import java.util.regex.Pattern;

/** The limits of email content that both the gateway (on input) and content-service (on commands) enforce. */
public final class ContentRules {

    /** 512 KiB of UTF-8: far above real email bodies (mail clients clip at about 100 KB). */
    public static final int MAX_HTML_BYTES = 512 * 1024;
    public static final int SUBJECT_MAX_LENGTH = 255;
    public static final int FROM_NAME_MAX_LENGTH = 255;
    public static final int FROM_EMAIL_MAX_LENGTH = 254;
    /** A practical address check: one @, no spaces, a dot in the domain. */
    public static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private ContentRules() {
    }

    public static boolean isEmail(String value) {
        return value.length() <= FROM_EMAIL_MAX_LENGTH && EMAIL.matcher(value).matches();
    }
}
