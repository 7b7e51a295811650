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
		String choose(@RequestParam @Nullable String language, @RequestParam(name = "return") @Nullable String back,
				HttpServletRequest request, HttpServletResponse response) {
			var chosen = Languages.supported(language);
			if (chosen != null) {
				languages.setLocale(request, response, chosen);
				events.publishEvent(new LanguageChosen(chosen));
			}
			return "redirect:" + local(back);
		}

		/** Only a path of this site: never an open redirect. */
		static String local(@Nullable String back) {
			if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.length() > 2000
					|| back.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
				return "/";
			}
			return back;
		}
	}
}
