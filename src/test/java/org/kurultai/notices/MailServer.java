package org.kurultai.notices;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One GreenMail SMTP server for the {@link NoticesTest} context, started with it on a free port ({@code spring.mail.port}),
 * and what tests read of it: the mails one address received, their text.
 */
public final class MailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static GreenMail smtp;

	static synchronized GreenMail smtp() {
		if (smtp == null) {
			smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			smtp.start();
		}
		return smtp;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("spring.mail.port=" + smtp().getSmtp().getPort()).applyTo(context);
	}

	/** The mails the address received so far. */
	public static List<MimeMessage> to(String address) {
		return Arrays.stream(smtp().getReceivedMessages()).filter(message -> {
			try {
				var recipients = message.getRecipients(Message.RecipientType.TO);
				return recipients != null && Arrays.stream(recipients)
						.anyMatch(r -> ((InternetAddress) r).getAddress().equalsIgnoreCase(address));
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	/** A mail's subject, decoded. */
	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The plain-text part of a mail (multipart/alternative: text, then HTML). */
	public static String text(MimeMessage message) {
		return part(message, 0);
	}

	public static String html(MimeMessage message) {
		return part(message, 1);
	}

	private static String part(MimeMessage message, int index) {
		try {
			var multipart = (MimeMultipart) message.getContent();
			return (String) multipart.getBodyPart(index).getContent();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** A header's value, or null. */
	public static String header(MimeMessage message, String name) {
		try {
			return message.getHeader(name, null);
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}
