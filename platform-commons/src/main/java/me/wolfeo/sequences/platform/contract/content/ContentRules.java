package me.wolfeo.sequences.platform.contract.content;

/** The limits of email content that both the gateway (on input) and content-service (on commands) enforce. */
public final class ContentRules {

    /** 512 KiB of UTF-8: far above real email bodies (mail clients clip at about 100 KB). */
    public static final int MAX_HTML_KIB = 512;
    public static final int MAX_HTML_BYTES = MAX_HTML_KIB * 1024;
    public static final int SUBJECT_MAX_LENGTH = 255;
    public static final int FROM_NAME_MAX_LENGTH = 255;

    private ContentRules() {
    }

}
