package org.kurultai.identity;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Passkeys (WebAuthn). {@code rpId} is the site's domain (localhost while developing);
 * {@code origins} the exact addresses the browser shows (https://kurultai.example). With
 * {@code rpId} localhost, the port the server actually listens on is allowed too.
 */
@ConfigurationProperties("kurultai.passkeys")
record PasskeyProperties(String rpId, Set<String> origins) {

	PasskeyProperties {
		if (rpId == null || rpId.isBlank()) {
			rpId = "localhost";
		}
		origins = origins == null ? Set.of() : Set.copyOf(origins);
	}
}
