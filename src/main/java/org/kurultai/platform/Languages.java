package org.kurultai.platform;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The languages people work in (English and Russian, CICA's working languages, equally authentic) and
 * how a request's language is decided: the person's choice (a cookie, set from the account's language
 * on sign-in and by the switch in the header), else the best match of {@code Accept-Language}, else
 * English. Anything else a client sends falls back to these two: a page is never labelled with a
 * language it is not written in.
 */
public final class Languages implements LocaleResolver {

	/** The working languages; the first is the default. */
	public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));

	public static final String COOKIE = "kurultai-language";

	private static final String ATTRIBUTE = Languages.class.getName() + ".locale";

	/** The supported language a tag names ("ru", "ru-RU", "RU"), or null. */
	public static @Nullable Locale supported(@Nullable String tag) {
		if (tag == null || tag.isBlank() || tag.length() > 35) {
			return null;
		}
		var language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
		return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof Locale chosen) {
			return chosen;
		}
		var cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					var chosen = supported(cookie.getValue());
					if (chosen != null) {
						return chosen;
					}
				}
			}
		}
		return fromAcceptLanguage(request.getHeader("Accept-Language"));
	}

	/** The best of the working languages for an {@code Accept-Language} header; English if none (or the header is malformed). */
	public static Locale fromAcceptLanguage(@Nullable String header) {
		if (header == null || header.isBlank() || header.length() > 1000) {
			return SUPPORTED.get(0);
		}
		try {
			var match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
			return match != null ? match : SUPPORTED.get(0);
		}
		catch (IllegalArgumentException malformed) {
			return SUPPORTED.get(0);
		}
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		var chosen = locale == null ? null : supported(locale.toLanguageTag());
		if (chosen == null) {
			return;
		}
		request.setAttribute(ATTRIBUTE, chosen);
		org.springframework.context.i18n.LocaleContextHolder.setLocale(chosen);
		if (response != null) {
			response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, chosen.getLanguage()).path("/")
					.maxAge(Duration.ofDays(365)).httpOnly(true).sameSite("Lax").secure(request.isSecure()).build().toString());
		}
	}
}
