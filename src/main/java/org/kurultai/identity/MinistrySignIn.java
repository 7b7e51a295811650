package org.kurultai.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Sign-in through a ministry's OpenID Connect provider. The provider vouches for a verified
 * e-mail address; that address must belong to an active Kurultai account, opened by the
 * Secretariat: nobody gets an account by signing in. Once matched, the person is signed in as that
 * account, exactly as with a password.
 */
final class MinistrySignIn {

	private MinistrySignIn() {
	}

	static OAuth2UserService<OidcUserRequest, OidcUser> users(Accounts accounts) {
		var oidc = new OidcUserService();
		return request -> {
			var user = oidc.loadUser(request);
			var email = user.getEmail();
			if (email == null || !Boolean.TRUE.equals(user.getEmailVerified())) {
				throw refused("The identity provider did not vouch for a verified e-mail address");
			}
			if (accounts.byEmail(email).filter(Account::active).isEmpty()) {
				throw refused("No active Kurultai account for " + email);
			}
			return user;
		};
	}

	static AuthenticationSuccessHandler signInAsAccount(Accounts accounts, SignIns signIns) {
		var repository = new HttpSessionSecurityContextRepository();
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			var oidcUser = (OidcUser) authentication.getPrincipal();
			var account = accounts.byEmail(oidcUser.getEmail()).orElseThrow();
			var user = new KurultaiUser(account, null);
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
			SecurityContextHolder.setContext(context);
			repository.saveContext(context, request, response);
			signIns.signedIn(account.email(), request, response);
			redirect(response, request.getContextPath() + "/account");
		};
	}

	private static void redirect(HttpServletResponse response, String location) throws IOException {
		response.sendRedirect(location);
	}

	private static OAuth2AuthenticationException refused(String reason) {
		return new OAuth2AuthenticationException(new OAuth2Error("account_not_found", reason, null), reason);
	}
}
