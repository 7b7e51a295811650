package org.kurultai.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.view.RedirectView;

/** The request's language ({@link Languages}) and the switch in the header that changes it. */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

	@Bean
	LocaleResolver localeResolver() {
		return new Languages();
	}

	/** {@code POST /language}: remembers the choice (cookie; the account, through {@link LanguageChosen}) and goes back to the page. */
	@Controller
	static class LanguageSwitch {

		private final LocaleResolver languages;

		private final ApplicationEventPublisher events;

		LanguageSwitch(LocaleResolver languages, ApplicationEventPublisher events) {
			this.languages = languages;
			this.events = events;
		}

		@PostMapping("/language")
		RedirectView choose(@RequestParam @Nullable String language, @RequestParam(name = "return") @Nullable String back,
				HttpServletRequest request, HttpServletResponse response) {
			var chosen = Languages.supported(language);
			if (chosen != null) {
				languages.setLocale(request, response, chosen);
				events.publishEvent(new LanguageChosen(chosen));
			}
			// the path as given: braces in it are not a URI template to expand (that was a 500)
			var view = new RedirectView(local(back), true);
			view.setExpandUriTemplateVariables(false);
			view.setExposeModelAttributes(false);
			return view;
		}

		/** Only a path of this site: never an open redirect. */
		static String local(@Nullable String back) {
			if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.length() > 2000
					|| back.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
				return "/";
			}
			// what a Location header can carry as it is: a character beyond ASCII, a space or a brace is percent-encoded
			// (Tomcat drops a header it cannot write in ISO-8859-1: the redirect went nowhere)
			var encoded = new StringBuilder();
			for (var b : back.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
				var c = b & 0xff;
				if (c > 0x20 && c < 0x7f && "{}\"<>|^`".indexOf(c) < 0) {
					encoded.append((char) c);
				}
				else {
					encoded.append('%').append(String.format("%02X", c));
				}
			}
			return encoded.toString();
		}
	}
}
