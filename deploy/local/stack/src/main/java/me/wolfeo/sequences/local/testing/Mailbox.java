package me.wolfeo.sequences.local.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * One recipient's mailbox on the local mail server, read over IMAP as any mail client would (user and password are
 * the address): what the platform really sent, after SMTP, in the order it arrived. Each call opens its own IMAP
 * session, so a test can read while the service sends.
 */
public final class Mailbox {

    private static final Duration POLL = Duration.ofMillis(200);

    private final String host;
    private final int imapPort;
    private final String address;

    public Mailbox(String host, int imapPort, String address) {
        this.host = host;
        this.imapPort = imapPort;
        this.address = address;
    }

    /** The mailbox of this address on the mail server at 127.0.0.1 ({@code LocalServers.imapPort()}). */
    public Mailbox(int imapPort, String address) {
        this("127.0.0.1", imapPort, address);
    }

    /**
     * A message as received. {@code messageId} is the Message-ID header as sent (angle brackets included);
     * {@code from} and {@code to} are addresses as written, with their names ({@code Acme <hello@acme.com>});
     * {@code html} and {@code text} are the first text/html and text/plain parts (null when there is none);
     * {@code headers} holds every header as received (values not decoded), by name.
     */
    public record Mail(String messageId, String from, List<String> to, String subject, String html, String text,
            Map<String, List<String>> headers) {

        /** The values of a header, whatever the case of its name. */
        public List<String> header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream()).toList();
        }
    }

    public String address() {
        return address;
    }

    /** Every message in the mailbox now, oldest first. */
    public List<Mail> messages() {
        Store store = connect();
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(read((MimeMessage) message));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read the mailbox of " + address + ": " + e.getMessage(), e);
        } finally {
            close(store);
        }
    }

    /**
     * Reads the mailbox until it holds at least {@code count} messages, or the timeout passes; returns the messages
     * found (fewer than {@code count} after a timeout).
     */
    public List<Mail> awaitMessages(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Mail> mails = messages();
            if (mails.size() >= count || System.nanoTime() > deadline) {
                return mails;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return mails;
            }
        }
    }

    /** Deletes every message of the mailbox (flagged deleted, then expunged). */
    public void deleteAll() {
        Store store = connect();
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message message : inbox.getMessages()) {
                message.setFlag(Flags.Flag.DELETED, true);
            }
            inbox.close(true);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot empty the mailbox of " + address + ": " + e.getMessage(), e);
        } finally {
            close(store);
        }
    }

    private Store connect() {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "10000");
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect(host, imapPort, address, address);
            return store;
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot reach the mail server at " + host + ":" + imapPort + ": "
                    + e.getMessage(), e);
        }
    }

    private static Mail read(MimeMessage message) throws MessagingException, IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements();) {
            Header header = all.nextElement();
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        Address[] from = message.getFrom();
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        Parts parts = new Parts();
        parts.collect(message);
        return new Mail(message.getMessageID(), from == null || from.length == 0 ? null : written(from[0]),
                to == null ? List.of() : Arrays.stream(to).map(Mailbox::written).toList(),
                message.getSubject(), parts.html, parts.text, Collections.unmodifiableMap(headers));
    }

    private static String written(Address address) {
        return address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString();
    }

    private static void close(Store store) {
        try {
            store.close();
        } catch (MessagingException e) {
            // the session is over either way
        }
    }

    /** The first HTML and plain-text parts of a message, however deep in its multiparts. */
    private static final class Parts {

        private String html;
        private String text;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            } else if (html == null && part.isMimeType("text/html")) {
                html = (String) part.getContent();
            } else if (text == null && part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            }
        }
    }
}
