package org.kurultai.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Password sign-in, refused while throttled; every attempt is counted. */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;
	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(Accounts accounts, PasswordEncoder encoder, SignInThrottle throttle) {
		UserDetailsService users = email -> accounts.byEmail(email)
				.map(account -> new KurultaiUser(account, accounts.passwordHash(account)))
				.orElseThrow(() -> new UsernameNotFoundException("No account"));
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		var email = String.valueOf(authentication.getName()).trim();
		var address = authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
				? details.getRemoteAddress() : "unknown";
		if (throttle.isThrottled(email, address)) {
			throw new SignInThrottled();
		}
		try {
			var result = passwords.authenticate(authentication);
			throttle.record(email, address, true);
			return result;
		}
		catch (AuthenticationException refused) {
			throttle.record(email, address, false);
			throw refused;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
