/**
 * Notifications: what Kurultai tells people, by e-mail today. A notification is written to the
 * outbox in the same transaction as the act that causes it, rendered in the recipient's language
 * (plain text and HTML, with the forum's name), and sent by a worker that retries with back-off;
 * each outbox row is sent once, across restarts and with several instances on one database.
 * Without a mail server the mails wait in the outbox, which the Secretariat administrator reads.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
@org.jspecify.annotations.NullMarked
package org.kurultai.notifications;
