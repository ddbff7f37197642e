package credit.platform.sanctions.notice.adapter.mail;

import credit.platform.sanctions.notice.domain.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends notices through the SMTP relay configured by {@code spring.mail.*} (GreenMail in the local
 * platform and the tests, any relay in production), each with the notice's own Message-ID.
 */
@Component
class SmtpMailer implements Mailer {

    private final JavaMailSender sender;
    private final String from;

    SmtpMailer(JavaMailSender sender,
            @org.springframework.beans.factory.annotation.Value("${credit.notices.from:notices@credit.example}") String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(String messageId, String to, String subject, String text) {
        try {
            MimeMessage message = new FixedIdMessage(sender.createMimeMessage().getSession(), messageId);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(to));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(text, StandardCharsets.UTF_8.name());
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new MailFailure("the relay did not take the notice", e);
        }
    }

    /** A message whose Message-ID stays the notice's own (JavaMail would make a new one on save). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
