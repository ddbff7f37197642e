package credit.platform.sanctions.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import credit.platform.sanctions.enforcement.adapter.catalogue.CatalogueLoader;
import credit.platform.sanctions.notice.domain.Notice;
import credit.platform.sanctions.notice.domain.NoticeChange;
import credit.platform.sanctions.notice.domain.NoticeService;
import credit.platform.sanctions.notice.domain.NoticeStore;
import credit.platform.testsupport.MongoTestServer;
import credit.platform.testsupport.TestHttp;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notices against the real stores: the Mongo adapter on the test Mongo server and a real SMTP server
 * (GreenMail) behind the JavaMail adapter. A change makes one notice with what it restricts; the
 * e-mail goes out once, also when the change is delivered again or two senders race; an SMTP server
 * that is down loses nothing (sent when it is back); an address registered later gets the earlier notices.
 */
@SpringBootTest(properties = {"credit.notices.enabled=false", "spring.grpc.server.port=0"})
class NoticeOutboxTest {

    static final int SMTP_PORT = TestHttp.freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MongoTestServer.register(registry, "notice-test");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    NoticeService notices;

    @Autowired
    NoticeStore store;

    @Autowired
    MongoTemplate mongo;

    GreenMail smtp;

    @BeforeEach
    void clean() {
        for (String c : List.of("notices", "notice_outbox", "notice_addresses", "notice_feed_state")) {
            mongo.remove(new Query(), c);
        }
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    static NoticeChange listed(long sequence, String subjectId) {
        return new NoticeChange(sequence, "CREATED", "rec-" + sequence, "spc-dishonest-debtors", "BLACK", subjectId, "SPC",
                "法释〔2013〕17号", "(2026)京0105执1号", "有履行能力而拒不履行", Instant.parse("2026-05-01T16:00:00Z"),
                Instant.parse("2028-05-01T16:00:00Z"), Instant.parse("2026-05-02T01:00:00Z"));
    }

    @Test
    void aListingMakesOneNoticeSayingWhatItRestrictsAndHowToObjectAndEmailsItOnce() throws Exception {
        notices.registerAddress("sub-1", "zhang@example.invalid");
        notices.apply(listed(7, "sub-1"));
        notices.apply(listed(7, "sub-1")); // the feed delivers it again after a reconnect

        assertThat(notices.ofSubject("sub-1")).singleElement().satisfies(n -> {
            assertThat(n.text()).contains("AIR_TRAVEL_BAN", "RAIL_HIGH_SPEED_BAN", "SPC", "法释〔2013〕17号",
                    "2026-05-02 — 2028-05-01", "/me/records/rec-7");
        });
        assertThat(notices.deliverDue(10)).isEqualTo(1);
        assertThat(notices.deliverDue(10)).isZero();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("zhang@example.invalid");
        assertThat(received[0].getMessageID()).isEqualTo(NoticeService.messageId("lists:7"));
        assertThat(received[0].getSubject()).contains("(2026)京0105执1号");
        assertThat(store.find("lists:7")).map(Notice::mail).contains(Notice.MailState.SENT);
        assertThat(store.position()).isEqualTo(7);
    }

    @Test
    void aChangeSubjectsAreNotToldOfMakesNoNoticeButMovesThePosition() {
        NoticeChange disputed = new NoticeChange(8, "DISPUTED", "rec-8", "spc-dishonest-debtors", "BLACK", "sub-1",
                "SPC", "b", "c", "g", null, null, null);
        notices.apply(disputed);
        assertThat(notices.ofSubject("sub-1")).isEmpty();
        assertThat(store.position()).isEqualTo(8);
    }

    @Test
    void anSmtpServerThatIsDownLosesNothingTheNoticeGoesOutOnceItIsBack() throws Exception {
        smtp.stop();
        notices.registerAddress("sub-2", "li@example.invalid");
        notices.apply(listed(9, "sub-2"));
        assertThat(notices.deliverDue(10)).isZero();
        assertThat(notices.undelivered()).isEqualTo(1);

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // due again after its pause: claim it as of a moment past the pause (the outbox is clock-driven)
        NoticeService later = new NoticeService(store, mailer(), CatalogueLoader.fromClasspath("sanctions/catalogue.json"),
                "http://portal", Clock.fixed(Instant.now().plus(Duration.ofSeconds(5)), ZoneOffset.UTC));
        assertThat(later.deliverDue(10)).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(notices.undelivered()).isZero();
    }

    @Test
    void twoSendersRacingSendEachNoticeOnce() throws Exception {
        notices.registerAddress("sub-3", "wang@example.invalid");
        for (int i = 0; i < 20; i++) {
            notices.apply(listed(100 + i, "sub-3"));
        }
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            senders.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                accepted.addAndGet(notices.deliverDue(100));
            }));
        }
        start.countDown();
        for (Thread t : senders) {
            t.join();
        }
        assertThat(accepted).hasValue(20);
        assertThat(smtp.getReceivedMessages()).hasSize(20);
        assertThat(java.util.Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).hasSize(20);
    }

    @Test
    void anAddressRegisteredLaterGetsTheEarlierNotices() throws Exception {
        notices.apply(listed(11, "sub-4"));
        assertThat(notices.deliverDue(10)).isZero();
        assertThat(store.find("lists:11")).map(Notice::mail).contains(Notice.MailState.NO_ADDRESS);

        notices.registerAddress("sub-4", "zhao@example.invalid");
        assertThat(notices.deliverDue(10)).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    private static credit.platform.sanctions.notice.domain.Mailer mailer() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(SMTP_PORT);
        return (id, to, subject, text) -> {
            try {
                MimeMessage m = sender.createMimeMessage();
                m.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
                m.setFrom("notices@credit.example");
                m.setSubject(subject, "UTF-8");
                m.setText(text, "UTF-8");
                sender.send(m);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
