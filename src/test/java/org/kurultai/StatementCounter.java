package org.kurultai;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.kurultai.platform.RequestIds;
import org.slf4j.MDC;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements each HTTP request makes, by its request id ({@link RequestIds}: the id is in the MDC while
 * the request is handled on its thread): the application's data source is wrapped (datasource-proxy) in every
 * {@link IntegrationTest} context. Work on other threads (pollers, the mail worker) counts for no request.
 */
public final class StatementCounter {

	private static final Map<String, AtomicInteger> BY_REQUEST = new ConcurrentHashMap<>();
	private static final Map<String, List<String>> SQL_BY_REQUEST = new ConcurrentHashMap<>();

	private StatementCounter() {
	}

	/** How many statements the request with this id made (0 if none, or unknown). */
	public static int of(String requestId) {
		var count = BY_REQUEST.get(requestId);
		return count == null ? 0 : count.get();
	}

	/** The statements the request with this id made, in order (for a failing budget's message). */
	public static List<String> statements(String requestId) {
		var statements = SQL_BY_REQUEST.get(requestId);
		return statements == null ? List.of() : List.copyOf(statements);
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof DataSource dataSource && "dataSource".equals(name)) {
						return ProxyDataSourceBuilder.create(dataSource).name("counted").listener(new Listener()).build();
					}
					return bean;
				}
			};
		}
	}

	private static final class Listener implements QueryExecutionListener {

		@Override
		public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		}

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			var id = MDC.get(RequestIds.KEY);
			if (id != null) {
				BY_REQUEST.computeIfAbsent(id, key -> new AtomicInteger()).addAndGet(Math.max(1, queries.size()));
				var statements = SQL_BY_REQUEST.computeIfAbsent(id, key -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()));
				queries.forEach(query -> statements.add(query.getQuery().replaceAll("\\s+", " ")));
			}
		}
	}
}
