package org.kurultai.portal;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
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

	/**
	 * Every operation may refuse: its 4xx and 5xx answers are problem documents (RFC 9457, {@code platform.ApiProblems}),
	 * declared once as the {@code Problem} schema and the ranges {@code 4XX} and {@code 5XX} of each operation.
	 */
	@Bean
	OpenApiCustomizer problemAnswers() {
		return api -> {
			if (api.getComponents() == null) {
				api.components(new Components());
			}
			api.getComponents().addSchemas(PROBLEM, problemSchema());
			var reference = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
				var responses = operation.getResponses();
				if (responses == null) {
					return;
				}
				responses.putIfAbsent("4XX", problem("A refusal, in the request's language: 400 a malformed parameter or body "
						+ "(`parameter` names it), 401 not signed in or a bad token, 403 not allowed, 404 not found or not visible to the "
						+ "caller, 409 a rule of the forum or a concurrent change, 413 a body too large", reference));
				responses.putIfAbsent("5XX", problem("An error of the server, with the request's id to report it", reference));
			}));
		};
	}

	static final String PROBLEM = "Problem";

	private static ApiResponse problem(String description, Schema<?> reference) {
		return new ApiResponse().description(description)
				.content(new Content().addMediaType("application/problem+json", new MediaType().schema(reference)));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new java.util.LinkedHashMap<>();
		properties.put("type", new Schema<>().type("string").format("uri").description("The kind of problem: …/problems/not-found, "
				+ "…/problems/invalid-parameter, …/problems/<rule> for a rule of the forum"));
		properties.put("title", new Schema<>().type("string").description("The kind of problem in words, in the request's language"));
		properties.put("status", new Schema<>().type("integer").format("int32").description("The HTTP status"));
		properties.put("detail", new Schema<>().type("string").description("What was refused and why, in the request's language"));
		properties.put("instance", new Schema<>().type("string").format("uri-reference").description("The address asked"));
		properties.put("parameter", new Schema<>().type("string").description("The parameter or field refused (400)"));
		properties.put("requestId", new Schema<>().type("string").description("The request's id (also X-Request-Id)"));
		var schema = new Schema<>().type("object").description("A problem document (RFC 9457)");
		schema.setProperties(properties);
		schema.setRequired(List.of("type", "title", "status"));
		return schema;
	}
}
