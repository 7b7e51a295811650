/**
 * Notifications: what Kurultai tells people, by e-mail today — the channel on which invitations, password resets and,
 * later, meeting and procedure notifications are built.
 *
 * <h2>Writing a notification</h2>
 * {@link org.kurultai.notifications.Notifications#send} takes a {@link org.kurultai.notifications.Notification}
 * (template, recipient's address and name, recipient's language, model) and writes the rendered mail to the outbox
 * <em>in the caller's transaction</em> (there must be one): the act and its mail commit together or not at all.
 * {@link org.kurultai.notifications.Notifications#to} lists a recipient's mails, newest first.
 * A mail one subscribed to (the notices of the forum's events, module {@code notices}) names its one-click unsubscribe
 * link ({@code Notification.unsubscribeUrl}, kept in {@code outbox_mail.unsubscribe_url}): the worker sends it as the
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} headers (RFC 2369, RFC 8058),
 * and templates show it as {@code unsubscribe}. Invitations, password resets and audit checkpoints are no
 * subscription and carry none. A notification's subject may take further arguments ({@code {1}}, …:
 * {@code Notification.subjectArguments}).
 *
 * <h2>Templates and the common frame</h2>
 * A notification {@code x} has its subject in the message {@code mail.x.subject} ({@code {0}} is the forum's name in
 * the recipient's language) and two bodies, {@code templates/mail/x.html} (HTML) and {@code templates/mail/x.txt}
 * (Thymeleaf TEXT mode: {@code [[${value}]]}, {@code [(#{key})]}). Both see the model, {@code forum} (the forum's
 * name in the recipient's language) and {@code recipientName} (empty if unknown), and resolve {@code #{…}} in the
 * recipient's language. Every mail should sit in the common frame — the forum's name, a greeting by name, the
 * notification's content, and a closing line saying the mail is automatic (messages {@code mail.common.*}):
 * <pre>{@code
 * <!-- templates/mail/x.html -->
 * <html th:replace="~{layout.html :: mail(~{::main})}" xmlns:th="http://www.thymeleaf.org">
 * <body><main>
 *   <p th:text="#{mail.x.body}">…</p>
 *   <p><a th:href="${link}" th:text="${link}">link</a></p>
 * </main></body>
 * </html>
 *
 * # templates/mail/x.txt
 * [# th:insert="~{layout-opening.txt}" /][(#{mail.x.body})]
 *
 * [(${link})]
 * [# th:insert="~{layout-closing.txt}" /]
 * }</pre>
 *
 * <h2>Delivery</h2>
 * The {@code MailWorker} sends the outbox through Spring Boot's {@code spring.mail.*} mail server, from
 * {@code kurultai.mail.from}, as multipart/alternative (plain text and HTML) with the row's stable {@code Message-ID}
 * and {@code Content-Language}. Each mail is claimed under a row lock ({@code for update skip locked}), sent and
 * marked sent in one transaction, so it goes once across restarts and with several instances on one database; a
 * process that dies between the server's acceptance and the commit causes at most one duplicate with the same
 * {@code Message-ID} (ADR 10). Failures are retried with exponential back-off; after {@code kurultai.mail.max-attempts}
 * a mail is failed until the Secretariat administrator retries it. Without a mail server the mails wait in the
 * outbox, which the administrator reads at {@code /admin/outbox} ({@code GET /api/admin/outbox}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
@org.jspecify.annotations.NullMarked
package org.kurultai.notifications;
