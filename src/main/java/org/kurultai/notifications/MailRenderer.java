package org.kurultai.notifications;

import java.util.HashMap;
import java.util.Locale;
import java.util.Set;

import org.kurultai.platform.ForumProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders a notification in its recipient's language: subject, plain text and HTML, each with the forum's name. */
@Component
class MailRenderer {

	record Rendered(String subject, String text, String html) {
	}

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final MessageSource messages;

	private final ForumProperties forum;

	MailRenderer(MessageSource messages, ForumProperties forum) {
		this.messages = messages;
		this.forum = forum;
		engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
		engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
		engine.setTemplateEngineMessageSource(messages);
	}

	private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
		var resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setOrder(order);
		resolver.setCheckExistence(true);
		return resolver;
	}

	Rendered render(Notification notification) {
		Locale language = notification.language();
		var values = new HashMap<String, Object>(notification.model());
		var forumName = forum.name(language);
		values.put("forum", forumName);
		values.put("recipientName", notification.toName() == null ? "" : notification.toName());
		values.putIfAbsent("unsubscribe", notification.unsubscribeUrl() == null ? "" : notification.unsubscribeUrl());
		var context = new Context(language, values);
		var arguments = new java.util.ArrayList<Object>();
		arguments.add(forumName);
		arguments.addAll(notification.subjectArguments());
		var subject = messages.getMessage("mail." + notification.template() + ".subject", arguments.toArray(), language);
		var text = engine.process(notification.template() + ".txt", context);
		var html = engine.process(notification.template() + ".html", context);
		return new Rendered(subject, text, html);
	}
}
