package org.kurultai.portal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and description. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI kurultaiOpenApi() {
		return new OpenAPI().info(new Info().title("Kurultai read API").version("1")
				.description("Participants, bodies, chairmanship, meetings and timeline of the forum, as of any date. "
						+ "Dates are YYYY-MM-DD; errors are RFC 9457 problem documents (application/problem+json).")
				.license(new License().name("Public data of the forum, with sources")));
	}
}
