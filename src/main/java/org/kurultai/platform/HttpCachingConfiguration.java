package org.kurultai.platform;

import jakarta.servlet.DispatcherType;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;

/**
 * HTTP caching of the public's reads ({@link PublicPages}): on unless {@code kurultai.http-cache.enabled=false}; the
 * rendered pages kept in at most {@code kurultai.http-cache.max-size} (0: validators and 304s only, nothing kept).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "kurultai.http-cache.enabled", havingValue = "true", matchIfMissing = true)
class HttpCachingConfiguration {

	/** After Spring Security's filters (order -100), which say who is reading; inside Spring Session's, which sets its cookie. */
	static final int ORDER = -50;

	@Bean
	PublicPages publicPages(DataVersions versions, Representations representations, LocaleResolver languages, ForumClock clock,
			ObjectProvider<BuildProperties> build, @Value("${kurultai.http-cache.max-size:32MB}") DataSize maxSize) {
		return new PublicPages(versions, representations, languages, clock, build.getIfAvailable(), maxSize);
	}

	@Bean
	FilterRegistrationBean<PublicPages> publicPagesFilter(PublicPages pages) {
		var registration = new FilterRegistrationBean<>(pages);
		registration.setOrder(ORDER);
		// FORWARD too: a page forwarded to /error while being rendered for the public is written straight through
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD);
		return registration;
	}
}
