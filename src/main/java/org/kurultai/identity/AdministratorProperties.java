package org.kurultai.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first Secretariat administrator, made on start when given (environment variables
 * KURULTAI_ADMIN_EMAIL, KURULTAI_ADMIN_PASSWORD, KURULTAI_ADMIN_NAME). Nothing is made otherwise:
 * Kurultai has no default password.
 */
@ConfigurationProperties("kurultai.admin")
record AdministratorProperties(@Nullable String email, @Nullable String password, @Nullable String name) {
}
