package me.wolfeo.sequences.enrollmentservice.delivery;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import me.wolfeo.sequences.enrollmentservice.EnrollmentConfig;
import me.wolfeo.sequences.platform.Failures;

/**
 * Sends email steps over SMTP (Jakarta Mail). Each message carries the Message-ID derived from its enrollment and
 * stage, so a retry after a crash is recognisably the same message. A batch of steps shares one SMTP connection.
 */
@ApplicationScoped
public class EmailSender {

    private final Session session;
    private final EnrollmentConfig.Delivery.Smtp config;

    public EmailSender(EnrollmentConfig config) {
        this.config = config.delivery().smtp();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", this.config.host());
        properties.put("mail.smtp.port", Integer.toString(this.config.port()));
        String timeout = Long.toString(this.config.timeout().toMillis());
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.starttls.enable", Boolean.toString(this.config.startTls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(this.config.startTls()));
        properties.put("mail.smtp.auth", Boolean.toString(this.config.username().isPresent()));
        this.session = Session.getInstance(properties);
    }

    /** The sender of content that names none. */
    public String defaultFrom() {
        return config.defaultFrom();
    }

    /** An SMTP connection for a batch of emails, opened on the first send. */
    public Connection open() {
        return new Connection();
    }

    /** One SMTP connection; closed at the end of the batch. */
    public final class Connection implements AutoCloseable {

        private Transport transport;

        public DeliveryResult send(OutgoingEmail email) {
            MimeMessage message;
            Address recipient;
            try {
                message = new FixedIdMessage(session, email.messageId());
                message.setFrom(new InternetAddress(email.fromAddress(), email.fromName(), "UTF-8"));
                recipient = new InternetAddress(email.to(), true);
                message.setRecipient(Message.RecipientType.TO, recipient);
                message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
                message.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
                message.saveChanges();
            } catch (AddressException e) {
                return DeliveryResult.refused("Invalid address: " + e.getMessage());
            } catch (MessagingException | UnsupportedEncodingException e) {
                return DeliveryResult.refused("Cannot build the message: " + Failures.describe(e));
            }
            try {
                if (transport == null || !transport.isConnected()) {
                    transport = session.getTransport("smtp");
                    transport.connect(config.host(), config.port(), config.username().orElse(null),
                            config.password().orElse(null));
                }
                transport.sendMessage(message, new Address[]{recipient});
                return DeliveryResult.delivered();
            } catch (MessagingException e) {
                closeQuietly();
                return classify(e);
            }
        }

        @Override
        public void close() {
            closeQuietly();
        }

        private void closeQuietly() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // the connection is gone either way
                }
                transport = null;
            }
        }
    }

    /** A 5xx answer refuses the message for good; a 4xx answer, or no answer at all, may pass later. */
    private static DeliveryResult classify(MessagingException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPAddressFailedException address) {
                return byReturnCode(address.getReturnCode(), "The server refused the address: "
                        + address.getMessage().strip());
            }
            if (cause instanceof SMTPSendFailedException send) {
                return byReturnCode(send.getReturnCode(), "The server refused the message: "
                        + send.getMessage().strip());
            }
            if (cause instanceof IOException) {
                return DeliveryResult.unavailable("SMTP server unreachable: " + Failures.describe(cause));
            }
        }
        return DeliveryResult.unavailable("SMTP failure: " + Failures.describe(failure));
    }

    private static DeliveryResult byReturnCode(int code, String reason) {
        return code >= 500 ? DeliveryResult.refused(reason) : DeliveryResult.unavailable(reason);
    }

    /** A message whose Message-ID is the one given, instead of a fresh random one. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
