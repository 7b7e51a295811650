package org.kurultai.portal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title, description, licence and the ways a client signs in. Checked by an independent
 * validator ({@code OpenApiDocumentIntegrationTests}) and shown as a page by {@link ApiDocsPage}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String TITLE = "Kurultai API";

	/** The licence of the forum's public record as published through the API. */
	static final String LICENSE_NAME = "Creative Commons Attribution 4.0 International";
	static final String LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/";

	@Bean
	OpenAPI kurultaiOpenApi() {
		return new OpenAPI()
				.info(new Info().title(TITLE).version("1")
						.description("The forum's record and its acts: participants and their status on any date, bodies, chairmanship, "
								+ "meetings with their plans, agendas and delegations, the timeline, negotiated documents and their "
								+ "exports (Akoma Ntoso, PDF), decisions and the register, applications, the Catalogue of "
								+ "Confidence-Building Measures with commitments, reports and information exchange; and, for those "
								+ "signed in, the writes: convening meetings, tabling and amending texts, proposing and taking "
								+ "decisions, filing reports, accreditations, accounts, tokens and the audit log. "
								+ "Reads of public records need no sign-in; everything else needs a session or a personal API token "
								+ "(`Authorization: Bearer kt_…`, made at /api/me/tokens), and shows only what its holder may see. "
								+ "Dates are YYYY-MM-DD; errors are RFC 9457 problem documents (application/problem+json) in the "
								+ "request's language (English or Russian, from Accept-Language).")
						.license(new License().name(LICENSE_NAME).url(LICENSE_URL)))
				.components(new Components().addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer").description("A personal API token (kt_…), made at /api/me/tokens")));
	}
}
