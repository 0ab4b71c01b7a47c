package me.wolfeo.sequences.local.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;

import me.wolfeo.sequences.local.LocalServers;

class MailboxTest {

    private final LocalServers servers = LocalServers.shared();

    @Test
    void aMailSentOverSmtpReadsBackFromItsRecipientsMailboxOverImap() throws Exception {
        String address = "jane-" + UUID.randomUUID() + "@example.com";
        Mailbox mailbox = new Mailbox(servers.imapPort(), address);
        send(address, "<enrollment-7.stage-3@sequences.local>", "Welcome, Jane!", "<p>Hello <b>Jane</b> é</p>");

        List<Mailbox.Mail> mails = mailbox.awaitMessages(1, Duration.ofSeconds(10));

        assertThat(mails).hasSize(1);
        Mailbox.Mail mail = mails.get(0);
        assertThat(mail.messageId()).isEqualTo("<enrollment-7.stage-3@sequences.local>");
        assertThat(mail.subject()).isEqualTo("Welcome, Jane!");
        assertThat(mail.html()).isEqualTo("<p>Hello <b>Jane</b> é</p>");
        assertThat(mail.text()).isEqualTo("Hello Jane é");
        assertThat(mail.from()).isEqualTo("Acme <hello@acme.example>");
        assertThat(mail.to()).containsExactly("Jane Doe <" + address + ">");
        assertThat(mail.header("message-id")).containsExactly("<enrollment-7.stage-3@sequences.local>");
    }

    @Test
    void eachRecipientReadsOnlyItsOwnMailAndCanDeleteIt() throws Exception {
        String first = "first-" + UUID.randomUUID() + "@example.com";
        String second = "second-" + UUID.randomUUID() + "@example.com";
        send(first, "<a@test>", "One", "<p>1</p>");
        send(first, "<b@test>", "Two", "<p>2</p>");
        send(second, "<c@test>", "Three", "<p>3</p>");
        Mailbox firstMailbox = new Mailbox(servers.imapPort(), first);

        assertThat(firstMailbox.awaitMessages(2, Duration.ofSeconds(10))).extracting(Mailbox.Mail::subject)
                .containsExactly("One", "Two");
        assertThat(new Mailbox(servers.imapPort(), second).awaitMessages(1, Duration.ofSeconds(10)))
                .extracting(Mailbox.Mail::messageId).containsExactly("<c@test>");

        firstMailbox.deleteAll();

        assertThat(firstMailbox.messages()).isEmpty();
        assertThat(new Mailbox(servers.imapPort(), second).messages()).hasSize(1);
    }

    @Test
    void waitingForMoreMailThanArrivesReturnsWhatCameAfterTheTimeout() {
        Mailbox empty = new Mailbox(servers.imapPort(), "nobody-" + UUID.randomUUID() + "@example.com");

        assertThat(empty.awaitMessages(1, Duration.ofMillis(500))).isEmpty();
    }

    private void send(String to, String messageId, String subject, String html) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(servers.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties)) {

            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("hello@acme.example", "Acme", "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, "Jane Doe", "UTF-8"));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(html.replaceAll("<[^>]+>", ""), "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", text, htmlPart));
        Transport.send(message);
    }
}
