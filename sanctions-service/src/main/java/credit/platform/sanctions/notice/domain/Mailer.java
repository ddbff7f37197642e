package credit.platform.sanctions.notice.domain;

/** Sends one e-mail through an SMTP relay (port; the JavaMail adapter implements it). */
public interface Mailer {

    /**
     * @param messageId the same for every attempt of one notice, so a copy delivered twice (a sender
     *                  that died after the relay accepted it) is recognisable as the same message
     * @throws MailFailure when the relay refuses or cannot be reached
     */
    void send(String messageId, String to, String subject, String text);

    class MailFailure extends RuntimeException {
        public MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
