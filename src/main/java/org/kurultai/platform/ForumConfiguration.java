package org.kurultai.platform;

import java.time.Clock;

import org.kurultai.shared.ForumClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one source of time: every module takes this {@link Clock} (or the {@link ForumClock} built on it), never the system's directly. */
@Configuration(proxyBeanMethods = false)
class ForumConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ForumClock forumClock(Clock clock, ForumProperties forum) {
		return new ForumClock(clock.withZone(forum.timeZone()));
	}
}
