package org.kurultai.identity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.shared.ForumClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What every successful sign-in does, however it was made (password, passkey, ministry): the
 * account's last sign-in is recorded ({@code account.last_signed_in_at}, from the forum's clock) and
 * the person's language becomes the one their account remembers (the language cookie).
 */
@Component
public class SignIns {

	private final JdbcClient jdbc;
	private final ForumClock clock;
	private final LocaleResolver languages;

	SignIns(JdbcClient jdbc, ForumClock clock, LocaleResolver languages) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.languages = languages;
	}

	/** A success handler that records the sign-in, then does what {@code then} does. */
	AuthenticationSuccessHandler then(AuthenticationSuccessHandler then) {
		return (request, response, authentication) -> {
			signedIn(email(authentication), request, response);
			then.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/** Records the sign-in of the account with this e-mail address and sets the page language to the account's. */
	void signedIn(@Nullable String email, HttpServletRequest request, HttpServletResponse response) {
		if (email == null) {
			return;
		}
		var language = jdbc.sql("update account set last_signed_in_at = ? where lower(email) = lower(?) returning language")
				.params(OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC), email.trim()).query(String.class).optional();
		language.ifPresent(tag -> languages.setLocale(request, response, Locale.forLanguageTag(tag)));
	}

	/** When the person last signed in (this very session, when they are signed in now); null if never. */
	public java.time.@Nullable Instant lastSignedIn(Account account) {
		return jdbc.sql("select last_signed_in_at from account where id = ?").param(account.id()).query(OffsetDateTime.class).optional()
				.map(OffsetDateTime::toInstant).orElse(null);
	}

	static @Nullable String email(@Nullable Authentication authentication) {
		if (authentication == null) {
			return null;
		}
		var principal = authentication.getPrincipal();
		if (principal instanceof KurultaiUser user) {
			return user.account().email();
		}
		if (principal instanceof PublicKeyCredentialUserEntity passkeyUser) {
			return passkeyUser.getName();
		}
		return authentication.getName();
	}
}
