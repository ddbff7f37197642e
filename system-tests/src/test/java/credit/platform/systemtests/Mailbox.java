package credit.platform.systemtests;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads a mailbox of the stack's in-process mail server over real IMAP (GreenMail: any password). */
final class Mailbox {

    private Mailbox() {
    }

    /** The subjects of every message delivered to {@code address}, oldest first. */
    static List<String> subjects(TestPlatform platform, String address) {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", platform.config().imapPort(), address, "any");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                subjects.add(m.getSubject());
            }
            inbox.close(false);
            return subjects;
        } catch (MessagingException e) {
            return List.of();
        }
    }
}
