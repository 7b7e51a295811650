package org.kurultai.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions kept in PostgreSQL (Spring Session JDBC, tables of V21), shared by every instance on the
 * database: a sign-in on one is valid on all, and ending a person's sessions ({@link SignOuts}) ends
 * them everywhere at once. The cookie follows {@code server.servlet.session.cookie.*} (http-only,
 * same-site lax, secure behind TLS).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

	/** Writes a session's attributes with PostgreSQL's upsert: two requests of one page at once never collide. */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgresSessions() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/**
	 * Java serialization of session attributes, as Spring Session does by default, except that an
	 * attribute that no longer reads (written by an older version of Kurultai) is dropped: its
	 * person is asked to sign in again instead of getting an error page.
	 */
	@Bean("springSessionConversionService")
	ConversionService springSessionConversionService() {
		var loader = SessionConfiguration.class.getClassLoader();
		var deserializer = new DeserializingConverter(loader);
		var conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversions.addConverter(byte[].class, Object.class, bytes -> {
			try {
				return deserializer.convert(bytes);
			}
			catch (SerializationFailedException unreadable) {
				log.info("A session attribute written by another version no longer reads; dropped ({})", unreadable.getMessage());
				return null;
			}
		});
		return conversions;
	}
}
