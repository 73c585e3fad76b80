package org.bucn.tracker.infrastructure.db;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * On shutdown, lets the engine's running jobs finish (or give up) before the connection pool
 * closes: Spring stops the executor in its lifecycle phase, before any bean is destroyed. Without
 * it, a job still running at SIGTERM failed to unlock itself against a closed pool (an error in the
 * log, and the job waited out its lock before another node or the next start ran it).
 */
@Configuration(proxyBeanMethods = false)
class JobExecutorShutdown {

  static final String ENGINE_TASK_EXECUTOR = "camundaTaskExecutor";
  static final int AWAIT_SECONDS = 20;

  @Bean
  static BeanPostProcessor engineJobsFinishOnShutdown() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (ENGINE_TASK_EXECUTOR.equals(beanName)
            && bean instanceof ThreadPoolTaskExecutor executor) {
          executor.setWaitForTasksToCompleteOnShutdown(true);
          executor.setAwaitTerminationSeconds(AWAIT_SECONDS);
        }
        return bean;
      }
    };
  }
}
