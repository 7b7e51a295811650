package org.kurultai.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * However a person signed in (password, ministry, passkey), the rest of the application sees one
 * kind of principal, {@link KurultaiUser}: a passkey sign-in is turned into it on its next request.
 */
class PrincipalNormalizer extends OncePerRequestFilter {

	private final Accounts accounts;
	private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	PrincipalNormalizer(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof PublicKeyCredentialUserEntity passkeyUser) {
			var account = accounts.byEmail(passkeyUser.getName()).filter(Account::active);
			var context = SecurityContextHolder.createEmptyContext();
			if (account.isPresent()) {
				var user = new KurultaiUser(account.get(), null);
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
			}
			SecurityContextHolder.setContext(context);
			repository.saveContext(context, request, response);
		}
		chain.doFilter(request, response);
	}
}
