package org.kurultai.platform;

import org.kurultai.shared.ForumClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ForumConfiguration {

	@Bean
	ForumClock forumClock(ForumProperties forum) {
		return ForumClock.system(forum.timeZone());
	}
}
