package org.kurultai.identity;

import java.util.HashSet;

import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/** Passkeys kept in PostgreSQL, and the relying party that checks them. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PasskeyConfiguration {

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	UserCredentialRepository passkeyCredentials(JdbcOperations jdbc, PublicKeyCredentialUserEntityRepository users, AuditLog audit,
			TransactionTemplate transactions) {
		return new AuditedCredentials(new JdbcUserCredentialRepository(jdbc), users, audit, transactions);
	}

	/** Adding or removing a passkey is a write like any other: stored and audited in one transaction. */
	static class AuditedCredentials implements UserCredentialRepository {

		private final UserCredentialRepository stored;
		private final PublicKeyCredentialUserEntityRepository users;
		private final AuditLog audit;
		private final TransactionTemplate transactions;

		AuditedCredentials(UserCredentialRepository stored, PublicKeyCredentialUserEntityRepository users, AuditLog audit,
				TransactionTemplate transactions) {
			this.stored = stored;
			this.users = users;
			this.audit = audit;
			this.transactions = transactions;
		}

		@Override
		public void save(CredentialRecord record) {
			transactions.executeWithoutResult(status -> {
				var isNew = stored.findByCredentialId(record.getCredentialId()) == null;
				stored.save(record);
				if (isNew) {
					var owner = users.findById(record.getUserEntityUserId());
					var who = owner == null ? "unknown" : owner.getName();
					audit.record(new Act(who, "PERSONAL", "passkey.registered", "passkey:" + record.getCredentialId().toBase64UrlString(),
							null, java.util.Map.of("label", record.getLabel())));
				}
			});
		}

		@Override
		public void delete(org.springframework.security.web.webauthn.api.Bytes credentialId) {
			transactions.executeWithoutResult(status -> {
				var record = stored.findByCredentialId(credentialId);
				stored.delete(credentialId);
				if (record != null) {
					var owner = users.findById(record.getUserEntityUserId());
					audit.record(new Act(owner == null ? "unknown" : owner.getName(), "PERSONAL", "passkey.removed",
							"passkey:" + credentialId.toBase64UrlString(), java.util.Map.of("label", record.getLabel()), null));
				}
			});
		}

		@Override
		public CredentialRecord findByCredentialId(org.springframework.security.web.webauthn.api.Bytes credentialId) {
			return stored.findByCredentialId(credentialId);
		}

		@Override
		public java.util.List<CredentialRecord> findByUserId(org.springframework.security.web.webauthn.api.Bytes userId) {
			return stored.findByUserId(userId);
		}
	}

	/** Used by passkey sign-in to learn the account's roles; passwords go through {@link ThrottledAuthenticationProvider}. */
	@Bean
	UserDetailsService kurultaiUsers(Accounts accounts) {
		return email -> accounts.byEmail(email).filter(Account::active).map(account -> new KurultaiUser(account, null))
				.orElseThrow(() -> new UsernameNotFoundException("No active account"));
	}

	@Bean
	RelyingParty relyingParty(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials,
			PasskeyProperties properties) {
		return new RelyingParty(users, credentials, properties);
	}

	/**
	 * Delegates to Spring Security's WebAuthn4J relying party, built once the server's port is
	 * known, so that a development server on any local port accepts passkeys for localhost.
	 */
	static class RelyingParty implements WebAuthnRelyingPartyOperations {

		private final PublicKeyCredentialUserEntityRepository users;
		private final UserCredentialRepository credentials;
		private final PasskeyProperties properties;
		private volatile WebAuthnRelyingPartyOperations delegate;

		RelyingParty(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials, PasskeyProperties properties) {
			this.users = users;
			this.credentials = credentials;
			this.properties = properties;
			this.delegate = build(-1);
		}

		@EventListener
		void on(WebServerInitializedEvent event) {
			delegate = build(event.getWebServer().getPort());
		}

		private WebAuthnRelyingPartyOperations build(int port) {
			var origins = new HashSet<>(properties.origins());
			if ("localhost".equals(properties.rpId()) && port > 0) {
				origins.add("http://localhost:" + port);
			}
			if (origins.isEmpty()) {
				origins.add("http://localhost:8080");
			}
			return new Webauthn4JRelyingPartyOperations(users, credentials,
					PublicKeyCredentialRpEntity.builder().id(properties.rpId()).name("Kurultai").build(), origins);
		}

		@Override
		public org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
				PublicKeyCredentialCreationOptionsRequest request) {
			return delegate.createPublicKeyCredentialCreationOptions(request);
		}

		@Override
		public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
			return delegate.registerCredential(request);
		}

		@Override
		public org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions createCredentialRequestOptions(
				PublicKeyCredentialRequestOptionsRequest request) {
			return delegate.createCredentialRequestOptions(request);
		}

		@Override
		public org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity authenticate(
				RelyingPartyAuthenticationRequest request) {
			return delegate.authenticate(request);
		}
	}
}
